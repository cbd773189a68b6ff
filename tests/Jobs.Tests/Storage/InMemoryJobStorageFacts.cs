using Hangfire;
using Hangfire.InMemory;

namespace ScimGateway.Jobs.Tests.Storage;

/// <summary>The oracle: Hangfire.InMemory must pass every shared fact. It keeps its own clock, so the injected one is unused.</summary>
public sealed class InMemoryJobStorageFacts : JobStorageFacts
{
    protected override JobStorage CreateStorage(TimeProvider timeProvider) =>
        new InMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long, MaxExpirationTime = null });
}
