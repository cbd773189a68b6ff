using ScimGateway.Tokens.Audit;

namespace ScimGateway.Tokens.Storage;

/// <summary>
/// Where tokens are kept. Narrow on purpose, so that a PostgreSQL store can replace the LiteDB one. Every change of a
/// token carries its audit entry, and the store commits both together or neither: callers never open a transaction.
/// Reads return null or an empty list for what does not exist; they never throw for it.
/// </summary>
public interface ITokenStore
{
    /// <summary>
    /// Adds a token and its audit entry (<see cref="AuditRecord.Id"/> is set). Throws
    /// <see cref="DuplicateTokenNameException"/>, writing nothing, when its owner already has a token of that name
    /// (compared case-insensitively, through <see cref="TokenRecord.OwnerNameKey"/>).
    /// </summary>
    void Insert(TokenRecord token, AuditRecord audit);

    /// <summary>Finds a token by the hex SHA-256 of the token.</summary>
    TokenRecord? FindByHash(string hash);

    /// <summary>Finds a token by id.</summary>
    TokenRecord? FindById(string id);

    /// <summary>Every token of one owner, newest first (ties by id, ordinal).</summary>
    IReadOnlyList<TokenRecord> ListByOwner(string ownerId);

    /// <summary>Every token whose owner is of the given kind, newest first (ties by id, ordinal).</summary>
    IReadOnlyList<TokenRecord> ListByOwnerKind(OwnerKind kind);

    /// <summary>Every token with an expiration at or before <paramref name="before"/> (UTC), soonest first (ties by id, ordinal).</summary>
    IReadOnlyList<TokenRecord> ListExpiringBefore(DateTime before);

    /// <summary>
    /// Writes the token's state fields (revocation and who did it, expiry marking) and appends <paramref name="audit"/>
    /// if the stored <see cref="TokenRecord.Version"/> still equals <paramref name="token"/>'s, and bumps the version
    /// (also on the passed record). False, writing nothing, when the token no longer exists or changed since it was
    /// read: read it again and decide again. Never touches the usage fields, so it cannot undo a concurrent last-use
    /// write, nor be undone by one.
    /// </summary>
    bool Update(TokenRecord token, AuditRecord? audit);

    /// <summary>
    /// Records last use for tokens that still exist; never moves a last-used time backwards. Writes the usage fields
    /// only, so it never undoes a concurrent revoke, restore or expiry marking.
    /// </summary>
    void UpdateLastUsed(IReadOnlyCollection<LastUseUpdate> updates);

    /// <summary>Deletes a token and appends <paramref name="audit"/>; false, writing nothing, when there was none.</summary>
    bool Delete(string id, AuditRecord audit);

    /// <summary>
    /// Deletes every token of one owner, whatever its state, with one audit entry per token made by
    /// <paramref name="audit"/>, all in one commit. Returns the deleted tokens (empty when there were none).
    /// </summary>
    IReadOnlyList<TokenRecord> DeleteAllOwnedBy(string ownerId, Func<TokenRecord, AuditRecord> audit);
}
