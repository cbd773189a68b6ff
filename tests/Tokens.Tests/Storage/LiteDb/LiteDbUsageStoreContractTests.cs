using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.LiteDb;

/// <summary>The usage store contract on a real LiteDB file.</summary>
public sealed class LiteDbUsageStoreContractTests : UsageStoreContract
{
    /// <inheritdoc />
    protected override TokenStoreSet OpenStores() => LiteDbStores.Open();
}
