using LiteDB;
using ScimGateway.Tokens.Expiration;

namespace ScimGateway.Tokens.Storage.LiteDb;

/// <summary>The expiry-warning ledger in the application's LiteDB database, collection <c>expiry_warnings</c>.</summary>
public sealed class LiteDbExpiryWarningStore : IExpiryWarningStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<ExpiryWarningRecord> _warnings;

    /// <summary>Opens the collection.</summary>
    public LiteDbExpiryWarningStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _warnings = database.GetCollection<ExpiryWarningRecord>(LiteDbCollections.ExpiryWarnings);
        _warnings.EnsureIndex(w => w.TokenId);
    }

    /// <inheritdoc />
    public ExpiryWarningRecord? Find(string tokenId, int thresholdDays) => _warnings.FindById(ExpiryWarningRecord.KeyOf(tokenId, thresholdDays));

    /// <inheritdoc />
    public bool TryAdd(ExpiryWarningRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.Id = ExpiryWarningRecord.KeyOf(record.TokenId, record.ThresholdDays);
        try
        {
            _warnings.Insert(record);
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public bool Update(ExpiryWarningRecord record) => _warnings.Update(record);

    /// <inheritdoc />
    public int PruneDeletedTokens() => LiteDbTransaction.Run(_database, () =>
    {
        var gone = _warnings.FindAll().Where(w => !LiteDbCollections.TokenExists(_database, w.TokenId)).Select(w => w.Id).ToList();
        foreach (var id in gone)
        {
            _warnings.Delete(id);
        }

        return gone.Count;
    });
}
