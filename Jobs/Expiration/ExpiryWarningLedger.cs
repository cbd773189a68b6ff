using System.Globalization;
using LiteDB;

namespace ScimGateway.Jobs.Expiration;

/// <summary>Which expiry warnings were logged and delivered, so that each is sent once per token and threshold.</summary>
public sealed class ExpiryWarningLedger
{
    private readonly ILiteCollection<ExpiryWarningRecord> _warnings;

    /// <summary>Opens the collection.</summary>
    public ExpiryWarningLedger(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _warnings = database.GetCollection<ExpiryWarningRecord>("expiry_warnings");
        _warnings.EnsureIndex(w => w.TokenId);
    }

    /// <summary>The warning of a token at a threshold; null when never logged.</summary>
    public ExpiryWarningRecord? Find(string tokenId, int thresholdDays) => _warnings.FindById(Key(tokenId, thresholdDays));

    /// <summary>Records a warning as logged.</summary>
    public ExpiryWarningRecord Add(string tokenId, int thresholdDays, DateTime loggedAt)
    {
        var record = new ExpiryWarningRecord { Id = Key(tokenId, thresholdDays), TokenId = tokenId, ThresholdDays = thresholdDays, LoggedAt = loggedAt };
        _warnings.Upsert(record);
        return record;
    }

    /// <summary>Saves a changed warning.</summary>
    public void Update(ExpiryWarningRecord record) => _warnings.Update(record);

    /// <summary>Every warning of one token.</summary>
    public IReadOnlyList<ExpiryWarningRecord> ForToken(string tokenId) => [.. _warnings.Find(w => w.TokenId == tokenId)];

    /// <summary>Deletes warnings of tokens for which <paramref name="exists"/> is false; returns how many.</summary>
    public int PruneTokens(Func<string, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(exists);
        var gone = _warnings.FindAll().Where(w => !exists(w.TokenId)).Select(w => w.Id).ToList();
        foreach (var id in gone)
        {
            _warnings.Delete(id);
        }

        return gone.Count;
    }

    private static string Key(string tokenId, int thresholdDays) => tokenId + "|" + thresholdDays.ToString(CultureInfo.InvariantCulture);
}
