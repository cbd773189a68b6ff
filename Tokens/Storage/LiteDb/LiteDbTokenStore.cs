using LiteDB;
using ScimGateway.Tokens.Audit;

namespace ScimGateway.Tokens.Storage.LiteDb;

/// <summary>Tokens in the application's LiteDB database, collection <c>tokens</c>; their audit entries go to <c>audit</c>.</summary>
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

    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<TokenRecord> _tokens;
    private readonly ILiteCollection<AuditRecord> _audit;

    /// <summary>Opens the collections and makes sure their indexes exist.</summary>
    public LiteDbTokenStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _tokens = database.GetCollection<TokenRecord>(LiteDbCollections.Tokens);
        _audit = LiteDbCollections.AuditOf(database);
        _tokens.EnsureIndex(t => t.Hash, unique: true);
        _tokens.EnsureIndex(t => t.OwnerNameKey, unique: true);
        _tokens.EnsureIndex(t => t.OwnerId);
        _tokens.EnsureIndex(t => t.OwnerKind);
        _tokens.EnsureIndex(t => t.ExpiresAt);
    }

    /// <inheritdoc />
    public void Insert(TokenRecord token, AuditRecord audit)
    {
        try
        {
            LiteDbTransaction.Run(_database, () =>
            {
                _tokens.Insert(token);
                _audit.Insert(audit);
                return true;
            });
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
    public IReadOnlyList<TokenRecord> ListByOwner(string ownerId) => NewestFirst(_tokens.Find(t => t.OwnerId == ownerId));

    /// <inheritdoc />
    public IReadOnlyList<TokenRecord> ListByOwnerKind(OwnerKind kind) => NewestFirst(_tokens.Find(t => t.OwnerKind == kind));

    /// <inheritdoc />
    public IReadOnlyList<TokenRecord> ListExpiringBefore(DateTime before) =>
        [.. _tokens.Find(Query.Between(nameof(TokenRecord.ExpiresAt), DateTime.MinValue, before))
            .OrderBy(t => t.ExpiresAt).ThenBy(t => t.Id, StringComparer.Ordinal)];

    /// <inheritdoc />
    public bool Update(TokenRecord token, AuditRecord? audit)
    {
        ArgumentNullException.ThrowIfNull(token);
        var serialized = _database.Mapper.ToDocument(token);
        BsonValue[] values = [.. s_stateFields.Select(field => serialized[field]), token.Version + 1];

        // The version check and the write are one UpdateMany under the collection's write lock, so they cannot
        // interleave with another writer; the audit entry joins the same transaction. EXTEND keeps every field not
        // named in the change.
        var written = LiteDbTransaction.Run(_database, () =>
        {
            var changed = _tokens.UpdateMany(
                BsonExpression.Create(s_stateTransform, values),
                BsonExpression.Create("_id = @0 AND (Version = @1 OR (Version = null AND @1 = 0))", token.Id, token.Version)) > 0;
            if (changed && audit is not null)
            {
                _audit.Insert(audit);
            }

            return changed;
        });
        if (written)
        {
            token.Version++;
        }

        return written;
    }

    /// <inheritdoc />
    public void UpdateLastUsed(IReadOnlyCollection<LastUseUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        LiteDbCollections.UpdateLastUsed(_tokens, updates);
    }

    /// <inheritdoc />
    public bool Delete(string id, AuditRecord audit) => LiteDbTransaction.Run(_database, () =>
    {
        var deleted = _tokens.Delete(id);
        if (deleted)
        {
            _audit.Insert(audit);
        }

        return deleted;
    });

    /// <inheritdoc />
    public IReadOnlyList<TokenRecord> DeleteAllOwnedBy(string ownerId, Func<TokenRecord, AuditRecord> audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return LiteDbTransaction.Run(_database, () =>
        {
            var owned = ListByOwner(ownerId);
            foreach (var token in owned)
            {
                _tokens.Delete(token.Id);
                _audit.Insert(audit(token));
            }

            return owned;
        });
    }

    private static TokenRecord[] NewestFirst(IEnumerable<TokenRecord> tokens) =>
        [.. tokens.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];
}
