namespace ScimGateway.Gateway.Storage.Copy;

/// <summary>
/// <c>storage copy-to-postgres</c> without the engines: refuse a target that holds anything, write everything in the
/// target's one transaction, compare every table's count with the source's before committing (a difference rolls
/// all of it back), and compare again after the commit, as another connection sees it.
/// </summary>
public static class StorageCopy
{
    /// <summary>The gateway's browser sessions.</summary>
    public const string BrowserSessionsTable = "browser_sessions";

    /// <summary>The used CLI consent forms.</summary>
    public const string CliConsentsTable = "cli_consents";

    /// <summary>The token signing key.</summary>
    public const string SigningKeysTable = "signing_keys";

    /// <summary>The data-protection key ring.</summary>
    public const string DataProtectionKeysTable = "data_protection_keys";

    /// <summary>The recurring jobs' watermarks.</summary>
    public const string JobWatermarksTable = "job_watermarks";

    /// <summary>Copies <paramref name="source"/> into <paramref name="target"/> and returns each table's counts.</summary>
    /// <exception cref="StorageCopyException">The target holds data, or the counts differ; nothing was committed.</exception>
    public static async Task<IReadOnlyList<CopiedTable>> RunAsync(CopySource source, ICopyTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var found = (await target.CountAsync(cancellationToken)).Where(t => t.Value > 0).ToList();
        if (found.Count > 0)
        {
            throw new StorageCopyException(
                $"The target database is not empty ({Describe(found)}). The copy writes only into an empty database "
                + "(a gateway node that has started on it has created signing_keys and data_protection_keys rows): create a new database and point ConnectionStrings:Postgres at it.");
        }

        var expected = source.Counts();
        await target.WriteAsync(source, cancellationToken);
        var written = await target.CountAsync(cancellationToken);
        if (Differences(expected, written) is { Length: > 0 } beforeCommit)
        {
            throw new StorageCopyException($"The copied counts differ from the data directory's ({beforeCommit}); nothing was committed.");
        }

        await target.CommitAsync(cancellationToken);
        IReadOnlyDictionary<string, long> committed;
        try
        {
            committed = await target.CountCommittedAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StorageCopyException($"The copy is committed, but its counts could not be read back to check them ({ex.Message}).", ex);
        }

        if (Differences(expected, committed) is { Length: > 0 } afterCommit)
        {
            // Only a writer that slipped in between the commit and the count can do this: the copy is committed.
            throw new StorageCopyException(
                $"After the commit the database's counts differ from the data directory's ({afterCommit}): something else wrote to it. "
                + "Stop every gateway node on it, create a new database and copy again.");
        }

        return [.. expected.Select(t => new CopiedTable(t.Key, t.Value, committed.GetValueOrDefault(t.Key)))];
    }

    private static string Differences(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, long> actual) =>
        string.Join(", ", expected
            .Where(t => actual.GetValueOrDefault(t.Key, -1) != t.Value)
            .Select(t => $"{t.Key}: {t.Value} in the data directory, {actual.GetValueOrDefault(t.Key)} in PostgreSQL"));

    private static string Describe(IEnumerable<KeyValuePair<string, long>> tables) =>
        string.Join(", ", tables.Select(t => $"{t.Key}: {t.Value} row{(t.Value == 1 ? "" : "s")}"));
}
