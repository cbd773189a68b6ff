namespace ScimGateway.Gateway.Storage.Copy;

/// <summary>
/// The database a copy writes into, in one transaction that is rolled back when disposed before
/// <see cref="CommitAsync"/>. Counts are rows per table, by table name.
/// </summary>
public interface ICopyTarget : IAsyncDisposable
{
    /// <summary>Rows per table the copy writes, as the transaction sees them.</summary>
    Task<IReadOnlyDictionary<string, long>> CountAsync(CancellationToken cancellationToken);

    /// <summary>Writes everything <paramref name="source"/> holds, in the transaction.</summary>
    Task WriteAsync(CopySource source, CancellationToken cancellationToken);

    /// <summary>Commits the transaction.</summary>
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Rows per table as any other connection sees them now (after the commit).</summary>
    Task<IReadOnlyDictionary<string, long>> CountCommittedAsync(CancellationToken cancellationToken);
}
