namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>
/// The stores that have no PostgreSQL implementation yet. While any is listed, a server with
/// <c>Storage:Provider=PostgreSql</c> stops at start (after migrations and the shared secrets, which work) instead of
/// half-working on a mix of stores. Whoever adds a module's PostgreSQL stores removes its line.
/// </summary>
public static class PostgreSqlStoreAvailability
{
    /// <summary>Module and stores not available on PostgreSQL yet.</summary>
    public static IReadOnlyList<string> Missing { get; } =
    [
        "Tokens (tokens, usage, audit, service users, local accounts)",
        "Jobs (job watermarks)",
    ];

    /// <summary>The message a server prints when it cannot start on PostgreSQL yet.</summary>
    public static string NotAvailableMessage =>
        "Storage:Provider=PostgreSql: these stores are not available on PostgreSQL yet: " + string.Join("; ", Missing)
        + ". Migrations were applied and the shared signing key and data-protection key ring are ready, but the server does not start "
        + "on a mix of stores. Use Storage:Provider=LiteDb (the default) for now.";
}
