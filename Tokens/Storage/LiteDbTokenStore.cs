using LiteDB;

namespace ScimGateway.Tokens.Storage;

/// <summary>Tokens in the application's LiteDB database, collection <c>tokens</c>.</summary>
public sealed class LiteDbTokenStore : ITokenStore
{
    // The fields a state change writes; usage fields are written by UpdateLastUsed alone.
    private static readonly string[] s_stateFields =
    [
        nameof(TokenRecord.RevokedAt), nameof(TokenRecord.RevokedBy), nameof(TokenRecord.RevokedByKind),
        nameof(TokenRecord.RevokedByRole), nameof(TokenRecord.ExpiredAt),
    ];

    // UpdateMany needs a document literal; the values go in as parameters @0, @1, ... in the order of s_stateFields,
    // then the new version.
    private static readonly string s_stateTransform = "{ " + string.Join(", ",
        s_stateFields.Append(nameof(TokenRecord.Version)).Select((field, i) => $"{field}: @{i}")) + " }";

    private readonly ILiteCollection<TokenRecord> _tokens;
    private readonly BsonMapper _mapper;

    /// <summary>Opens the collection and makes sure its indexes exist.</summary>
    public LiteDbTokenStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _tokens = database.GetCollection<TokenRecord>("tokens");
        _mapper = database.Mapper;
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
    public bool Update(TokenRecord token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var serialized = _mapper.ToDocument(token);
        BsonValue[] values = [.. s_stateFields.Select(field => serialized[field]), token.Version + 1];

        // One UpdateMany is one LiteDB transaction holding the collection's write lock: the version check and the
        // write cannot interleave with another writer. EXTEND keeps every field not named in the change.
        var written = _tokens.UpdateMany(
            BsonExpression.Create(s_stateTransform, values),
            BsonExpression.Create("_id = @0 AND (Version = @1 OR (Version = null AND @1 = 0))", token.Id, token.Version));
        if (written == 0)
        {
            return false;
        }

        token.Version++;
        return true;
    }

    /// <inheritdoc />
    public void UpdateLastUsed(IReadOnlyCollection<LastUseUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var update in updates)
        {
            // Only the usage fields, and only forwards: a flush never rewrites the record, so it cannot undo a revoke
            // that lands between its read and its write.
            _tokens.UpdateMany(
                BsonExpression.Create("{ LastUsedAt: @0, LastUsedAddress: @1 }", update.UsedAt, update.Address),
                BsonExpression.Create("_id = @0 AND (LastUsedAt = null OR LastUsedAt < @1)", update.TokenId, update.UsedAt));
        }
    }

    /// <inheritdoc />
    public bool Delete(string id) => _tokens.Delete(id);
}
