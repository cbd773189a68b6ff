using LiteDB;

namespace ScimGateway.Tokens.Storage;

/// <summary>Tokens in the application's LiteDB database, collection <c>tokens</c>.</summary>
public sealed class LiteDbTokenStore : ITokenStore
{
    private readonly ILiteCollection<TokenRecord> _tokens;

    /// <summary>Opens the collection and makes sure its indexes exist.</summary>
    public LiteDbTokenStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _tokens = database.GetCollection<TokenRecord>("tokens");
        _tokens.EnsureIndex(t => t.Hash, unique: true);
        _tokens.EnsureIndex(t => t.OwnerNameKey, unique: true);
        _tokens.EnsureIndex(t => t.OwnerId);
        _tokens.EnsureIndex(t => t.OwnerKind);
        _tokens.EnsureIndex(t => t.ExpiresAt);
    }

    /// <inheritdoc />
    public void Insert(TokenRecord token)
    {
        try
        {
            _tokens.Insert(token);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateTokenNameException("The owner already has a token of that name.", ex);
        }
    }

    /// <inheritdoc />
    public TokenRecord? FindByHash(string hash) => _tokens.FindOne(t => t.Hash == hash);

    /// <inheritdoc />
    public TokenRecord? FindById(string id) => _tokens.FindById(id);

    /// <inheritdoc />
    public IReadOnlyList<TokenRecord> ListByOwner(string ownerId) =>
        [.. _tokens.Find(t => t.OwnerId == ownerId).OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];

    /// <inheritdoc />
    public IReadOnlyList<TokenRecord> ListByOwnerKind(OwnerKind kind) =>
        [.. _tokens.Find(t => t.OwnerKind == kind).OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];

    /// <inheritdoc />
    public IReadOnlyList<TokenRecord> ListExpiringBefore(DateTime before) =>
        [.. _tokens.Find(Query.Between(nameof(TokenRecord.ExpiresAt), DateTime.MinValue, before))
            .OrderBy(t => t.ExpiresAt).ThenBy(t => t.Id, StringComparer.Ordinal)];

    /// <inheritdoc />
    public bool Update(TokenRecord token) => _tokens.Update(token);

    /// <inheritdoc />
    public void UpdateLastUsed(IReadOnlyCollection<LastUseUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var update in updates)
        {
            var token = _tokens.FindById(update.TokenId);
            if (token is null || token.LastUsedAt >= update.UsedAt)
            {
                continue;
            }

            token.LastUsedAt = update.UsedAt;
            token.LastUsedAddress = update.Address;
            _tokens.Update(token);
        }
    }

    /// <inheritdoc />
    public bool Delete(string id) => _tokens.Delete(id);
}
