using LiteDB;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.ServiceUsers;

namespace ScimGateway.Tokens.Storage.LiteDb;

/// <summary>Service users in the application's LiteDB database, collection <c>service_users</c>; their audit entries go to <c>audit</c>.</summary>
public sealed class LiteDbServiceUserStore : IServiceUserStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<ServiceUserRecord> _users;
    private readonly ILiteCollection<AuditRecord> _audit;

    /// <summary>Opens the collections.</summary>
    public LiteDbServiceUserStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _users = database.GetCollection<ServiceUserRecord>(LiteDbCollections.ServiceUsers);
        _audit = LiteDbCollections.AuditOf(database);
    }

    /// <inheritdoc />
    public bool TryInsert(ServiceUserRecord user, AuditRecord audit)
    {
        try
        {
            return LiteDbTransaction.Run(_database, () =>
            {
                _users.Insert(user);
                _audit.Insert(audit);
                return true;
            });
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public ServiceUserRecord? FindById(string id) => _users.FindById(id);

    /// <inheritdoc />
    public IReadOnlyList<ServiceUserRecord> List() =>
        [.. _users.FindAll().OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Id, StringComparer.Ordinal)];

    /// <inheritdoc />
    public bool Update(ServiceUserRecord user, AuditRecord audit) => LiteDbTransaction.Run(_database, () =>
    {
        var updated = _users.Update(user);
        if (updated)
        {
            _audit.Insert(audit);
        }

        return updated;
    });
}
