using LiteDB;
using ScimGateway.Gateway.Authentication.Sessions;

namespace ScimGateway.Gateway.Storage.LiteDb;

/// <summary>Browser sessions in the application's LiteDB database, collection <c>browser_sessions</c>.</summary>
internal sealed class LiteDbBrowserSessionStore : IBrowserSessionStore
{
    private readonly ILiteCollection<BrowserSessionRecord> _sessions;

    public LiteDbBrowserSessionStore(ILiteDatabase database)
    {
        _sessions = database.GetCollection<BrowserSessionRecord>("browser_sessions");
        _sessions.EnsureIndex(s => s.ExpiresAt);
    }

    public void Insert(BrowserSessionRecord session) => _sessions.Insert(session);

    public BrowserSessionRecord? FindById(string id) => _sessions.FindById(id);

    public bool End(string id, string reason, DateTime at)
    {
        var session = _sessions.FindById(id);
        if (session is null || session.EndedAt is not null)
        {
            return false;
        }

        session.EndedAt = at;
        session.EndReason = reason;
        return _sessions.Update(session);
    }

    public int DeleteExpired(DateTime before) =>
        _sessions.DeleteMany(Query.LT(nameof(BrowserSessionRecord.ExpiresAt), before));
}
