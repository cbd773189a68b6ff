namespace ScimGateway.Tokens.Expiration;

/// <summary>
/// The ledger of expiry warnings: which were announced and delivered, so that each is sent once per token and
/// threshold. Lives in the same database as the tokens. Reads return null or an empty list for what does not exist.
/// </summary>
public interface IExpiryWarningStore
{
    /// <summary>The warning of a token at a threshold; null when never announced.</summary>
    ExpiryWarningRecord? Find(string tokenId, int thresholdDays);

    /// <summary>
    /// Records a warning as announced; false, writing nothing, when the ledger already has one for that token and
    /// threshold (so two runs at once announce it once).
    /// </summary>
    bool TryAdd(ExpiryWarningRecord record);

    /// <summary>Saves a warning's delivery fields; false when it is not in the ledger.</summary>
    bool Update(ExpiryWarningRecord record);

    /// <summary>Deletes warnings of tokens that no longer exist; returns how many.</summary>
    int PruneDeletedTokens();
}
