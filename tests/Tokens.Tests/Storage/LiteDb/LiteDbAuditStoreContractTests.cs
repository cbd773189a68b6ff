using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.LiteDb;

/// <summary>The audit store contract on a real LiteDB file.</summary>
public sealed class LiteDbAuditStoreContractTests : AuditStoreContract
{
    /// <inheritdoc />
    protected override TokenStoreSet OpenStores() => LiteDbStores.Open();
}
