using LiteDB;

namespace ScimGateway.Tokens.ServiceUsers;

/// <summary>Service users in the application's LiteDB database, collection <c>service_users</c>.</summary>
public sealed class LiteDbServiceUserStore : IServiceUserStore
{
    private readonly ILiteCollection<ServiceUserRecord> _users;

    /// <summary>Opens the collection.</summary>
    public LiteDbServiceUserStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _users = database.GetCollection<ServiceUserRecord>("service_users");
    }

    /// <inheritdoc />
    public bool TryInsert(ServiceUserRecord user)
    {
        try
        {
            _users.Insert(user);
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public ServiceUserRecord? FindById(string id) => _users.FindById(id);

    /// <inheritdoc />
    public IReadOnlyList<ServiceUserRecord> List() => [.. _users.FindAll().OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase)];

    /// <inheritdoc />
    public bool Update(ServiceUserRecord user) => _users.Update(user);
}
