using LiteDB;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Storage;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Storage.LiteDb;

/// <summary>SCIM users in the application's LiteDB database, collection <c>scim_users</c>; tells listeners of changes.</summary>
public sealed class LiteDbScimUserStore : IScimUserStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<ScimUserRecord> _users;
    private readonly IEnumerable<IScimUserListener> _listeners;
    private readonly OrderedIds _order;

    /// <summary>Opens the collection and makes sure its indexes exist.</summary>
    public LiteDbScimUserStore(ILiteDatabase database, IEnumerable<IScimUserListener> listeners)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _users = database.GetCollection<ScimUserRecord>("scim_users");
        _users.EnsureIndex(u => u.UserNameKey, unique: true);
        _users.EnsureIndex(u => u.ExternalId);
        _users.EnsureIndex(u => u.DisplayNameKey);
        _users.EnsureIndex("EmailKeys", "$.EmailKeys[*]");
        _listeners = listeners;
        _order = new OrderedIds(() => _users.Query().Select(u => u.Id).ToEnumerable());
    }

    /// <inheritdoc />
    public void Insert(ScimUserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            _users.Insert(user);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateUserNameException($"User name '{user.UserName}' is already taken.", ex);
        }

        _order.Add(user.Id);
    }

    /// <inheritdoc />
    public void InsertMany(IReadOnlyCollection<ScimUserRecord> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        _database.BeginTrans();
        try
        {
            _users.InsertBulk(users);
            _database.Commit();
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            _database.Rollback();
            throw new DuplicateUserNameException("A user name in the batch is already taken.", ex);
        }

        foreach (var user in users)
        {
            _order.Add(user.Id);
        }
    }

    /// <inheritdoc />
    public ScimUserRecord? FindById(string id) => IndexKeys.Fits(id) ? _users.FindById(id) : null;

    /// <inheritdoc />
    public ScimUserRecord? FindByUserName(string userName)
    {
        var key = ScimUserRecord.KeyOf(userName);
        if (!IndexKeys.Fits(key))
        {
            return null;
        }

        return _users.FindOne(u => u.UserNameKey == key);
    }

    /// <inheritdoc />
    public IReadOnlyList<ScimUserRecord> FindCandidates(FilterIndexHint hint)
    {
        ArgumentNullException.ThrowIfNull(hint);
        var key = hint.Value.ToUpperInvariant();
        if (!IndexKeys.Fits(key))
        {
            return [];
        }

        return hint.Attribute switch
        {
            "id" => FindById(hint.Value) is { } user ? [user] : [],
            "userName" => _users.Find(u => u.UserNameKey == key).ToList(),
            "externalId" => _users.Find(u => u.ExternalId == hint.Value).ToList(),
            "displayName" => _users.Find(u => u.DisplayNameKey == key).ToList(),
            "emails.value" => _users.Find(BsonExpression.Create("$.EmailKeys[*] ANY = @0", new BsonValue(key))).ToList(),
            _ => [],
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<ScimUserRecord> Page(int skip, int take)
    {
        var page = new List<ScimUserRecord>();
        foreach (var id in _order.Slice(skip, take))
        {
            if (_users.FindById(id) is { } user)
            {
                page.Add(user);
            }
        }

        return page;
    }

    /// <inheritdoc />
    public IEnumerable<ScimUserRecord> All() => _users.Query().OrderBy(u => u.Id).ToEnumerable();

    /// <inheritdoc />
    public bool Update(ScimUserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        bool updated;
        try
        {
            updated = _users.Update(user);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateUserNameException($"User name '{user.UserName}' is already taken.", ex);
        }

        if (updated)
        {
            foreach (var listener in _listeners)
            {
                listener.UserChanged(user.Id);
            }
        }

        return updated;
    }

    /// <inheritdoc />
    public bool Delete(string id)
    {
        var deleted = _users.Delete(id);
        if (deleted)
        {
            _order.Remove(id);
            foreach (var listener in _listeners)
            {
                listener.UserDeleted(id);
            }
        }

        return deleted;
    }

    /// <inheritdoc />
    public int Count() => _order.Count;
}
