namespace ScimGateway.Tokens.Audit;

/// <summary>
/// Where the audit trail is kept. Entries that belong to a token or service-user change are written by that change's
/// own store call (see <see cref="Storage.ITokenStore"/>), so a change and its entry commit together; this store
/// appends the entries that stand alone and reads the trail.
/// </summary>
public interface IAuditStore
{
    /// <summary>Appends one entry and sets its <see cref="AuditRecord.Id"/>, greater than that of every earlier entry.</summary>
    void Append(AuditRecord record);

    /// <summary>
    /// One page of the trail, newest first (by <see cref="AuditRecord.Id"/>), pages counted from 1. A page past the end
    /// has no items and still carries the total.
    /// </summary>
    AuditPage ReadPage(int page, int pageSize);

    /// <summary>Every entry with the given action and target, oldest first; empty when there is none.</summary>
    IReadOnlyList<AuditRecord> Find(string action, string target);

    /// <summary>Deletes entries that happened before <paramref name="before"/> (UTC); returns how many.</summary>
    int PruneBefore(DateTime before);
}
