using LiteDB;

namespace ScimGateway.Scim.Users;

/// <summary>SCIM users in the application's LiteDB database, collection <c>scim_users</c>; tells listeners of changes.</summary>
public sealed class LiteDbScimUserStore : IScimUserStore
{
    private readonly ILiteCollection<ScimUserRecord> _users;
    private readonly IEnumerable<IScimUserListener> _listeners;

    /// <summary>Opens the collection and makes sure its indexes exist.</summary>
    public LiteDbScimUserStore(ILiteDatabase database, IEnumerable<IScimUserListener> listeners)
    {
        ArgumentNullException.ThrowIfNull(database);
        _users = database.GetCollection<ScimUserRecord>("scim_users");
        _users.EnsureIndex(u => u.UserNameKey, unique: true);
        _users.EnsureIndex(u => u.ExternalId);
        _users.EnsureIndex("EmailKeys", "$.EmailKeys[*]");
        _listeners = listeners;
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
    }

    /// <inheritdoc />
    public ScimUserRecord? FindById(string id) => _users.FindById(id);

    /// <inheritdoc />
    public ScimUserRecord? FindByUserName(string userName)
    {
        var key = ScimUserRecord.KeyOf(userName);
        return _users.FindOne(u => u.UserNameKey == key);
    }

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
            foreach (var listener in _listeners)
            {
                listener.UserDeleted(id);
            }
        }

        return deleted;
    }

    /// <inheritdoc />
    public int Count() => _users.Count();
}
