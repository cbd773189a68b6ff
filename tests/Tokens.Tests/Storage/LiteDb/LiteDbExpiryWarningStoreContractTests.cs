using ScimGateway.Tokens.Tests.Contracts;

namespace ScimGateway.Tokens.Tests.Storage.LiteDb;

/// <summary>The expiry-warning ledger contract on a real LiteDB file.</summary>
public sealed class LiteDbExpiryWarningStoreContractTests : ExpiryWarningStoreContract
{
    /// <inheritdoc />
    protected override TokenStoreSet OpenStores() => LiteDbStores.Open();
}
