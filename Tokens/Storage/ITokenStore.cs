namespace ScimGateway.Tokens.Storage;

/// <summary>Where tokens are kept. Narrow on purpose, so that a PostgreSQL store can replace the LiteDB one.</summary>
public interface ITokenStore
{
    /// <summary>Adds a token; throws <see cref="DuplicateTokenNameException"/> when its owner already has one of that name.</summary>
    void Insert(TokenRecord token);

    /// <summary>Finds a token by the hex SHA-256 of the token.</summary>
    TokenRecord? FindByHash(string hash);

    /// <summary>Finds a token by id.</summary>
    TokenRecord? FindById(string id);

    /// <summary>Every token of one owner, newest first.</summary>
    IReadOnlyList<TokenRecord> ListByOwner(string ownerId);

    /// <summary>Every token whose owner is of the given kind, newest first.</summary>
    IReadOnlyList<TokenRecord> ListByOwnerKind(OwnerKind kind);

    /// <summary>Every token with an expiration at or before <paramref name="before"/> (UTC), soonest first.</summary>
    IReadOnlyList<TokenRecord> ListExpiringBefore(DateTime before);

    /// <summary>
    /// Writes the token's state fields (revocation and who did it, expiry marking) if the stored
    /// <see cref="TokenRecord.Version"/> still equals <paramref name="token"/>'s, and bumps the version (also on the
    /// passed record). False when the token no longer exists or changed since it was read: read it again and decide
    /// again. Never touches the usage fields, so it cannot undo a concurrent last-use write, nor be undone by one.
    /// </summary>
    bool Update(TokenRecord token);

    /// <summary>
    /// Records last use for tokens that still exist; never moves a last-used time backwards. Writes the usage fields
    /// only, so it never undoes a concurrent revoke, restore or expiry marking.
    /// </summary>
    void UpdateLastUsed(IReadOnlyCollection<LastUseUpdate> updates);

    /// <summary>Deletes a token; false when there was none.</summary>
    bool Delete(string id);
}
