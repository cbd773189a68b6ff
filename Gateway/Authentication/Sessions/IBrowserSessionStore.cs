namespace ScimGateway.Gateway.Authentication.Sessions;

/// <summary>Where the server's half of browser sessions is kept.</summary>
public interface IBrowserSessionStore
{
    /// <summary>Adds a session.</summary>
    void Insert(BrowserSessionRecord session);

    /// <summary>Finds a session by id.</summary>
    BrowserSessionRecord? FindById(string id);

    /// <summary>Marks an open session ended; false when it is unknown or already ended.</summary>
    bool End(string id, string reason, DateTime at);

    /// <summary>Removes sessions whose absolute end is before <paramref name="before"/>; returns how many.</summary>
    int DeleteExpired(DateTime before);
}
