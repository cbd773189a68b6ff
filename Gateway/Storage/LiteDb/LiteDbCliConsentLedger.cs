using LiteDB;
using ScimGateway.Gateway.CliLogin;

namespace ScimGateway.Gateway.Storage.LiteDb;

/// <summary>
/// Used consent ids in the data file (collection <c>cli_consents</c>), so a replay is refused after a restart too. The
/// id is the document key: LiteDB's unique <c>_id</c> makes the second insert fail, which is the atomic check.
/// </summary>
internal sealed class LiteDbCliConsentLedger(ILiteDatabase database, TimeProvider time) : ICliConsentLedger
{
    private readonly ILiteCollection<UsedCliConsent> _used = database.GetCollection<UsedCliConsent>("cli_consents");

    public bool TryConsume(string consentId, DateTimeOffset expiresAt)
    {
        var now = time.GetUtcNow().UtcDateTime;
        _used.DeleteMany(u => u.ExpiresAt < now);
        try
        {
            _used.Insert(new UsedCliConsent { Id = consentId, ExpiresAt = expiresAt.UtcDateTime });
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }
}
