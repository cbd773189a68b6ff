using Hangfire;
using Hangfire.InMemory;

namespace ScimGateway.Jobs.Hosting;

/// <summary>
/// Creates this host's Hangfire storage from <c>Jobs:Storage</c>. One instance per host, never
/// <see cref="JobStorage.Current"/>, so that test hosts in one process do not share jobs. A new storage is one more case here.
/// </summary>
internal static class JobStorageFactory
{
    public static JobStorage Create(JobsOptions options) => options.Storage switch
    {
        JobStorageKind.InMemory => new InMemoryStorage(new InMemoryStorageOptions()),
        _ => throw new InvalidOperationException($"Jobs:Storage '{options.Storage}' is not supported."),
    };
}
