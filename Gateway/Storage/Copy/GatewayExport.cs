using ScimGateway.Gateway.Authentication.Sessions;

namespace ScimGateway.Gateway.Storage.Copy;

/// <summary>The gateway's own data in a single node's LiteDB database: browser sessions and the CLI consent ledger.</summary>
public sealed class GatewayExport
{
    /// <summary>Rows per table, by the PostgreSQL table name, counted in the source before reading.</summary>
    public required IReadOnlyDictionary<string, long> Counts { get; init; }

    /// <summary>Browser sessions (the cookie carries only the id, so a copied session keeps its browser signed in).</summary>
    public required IEnumerable<BrowserSessionRecord> BrowserSessions { get; init; }

    /// <summary>Used CLI consent ids and when they expire, so a consent form spent on the single node stays spent.</summary>
    public required IEnumerable<UsedConsent> CliConsents { get; init; }
}
