using LiteDB;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Storage;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Storage.LiteDb;

/// <summary>
/// SCIM users in the application's LiteDB database, collection <c>scim_users</c>. Updates and deletes also write the
/// user's memberships (<c>scim_memberships</c>, <c>scim_groups</c>) and the outbox, in one transaction.
/// </summary>
public sealed class LiteDbScimUserStore : IScimUserStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<ScimUserRecord> _users;
    private readonly ILiteCollection<ScimMembershipRecord> _memberships;
    private readonly ILiteCollection<ScimGroupRecord> _groups;
    private readonly OrderedIds _order;

    /// <summary>Opens the collection and makes sure its indexes exist.</summary>
    public LiteDbScimUserStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _users = database.GetCollection<ScimUserRecord>("scim_users");
        _users.EnsureIndex(u => u.UserNameKey, unique: true);
        _users.EnsureIndex(u => u.ExternalId);
        _users.EnsureIndex(u => u.DisplayNameKey);
        _users.EnsureIndex("EmailKeys", "$.EmailKeys[*]");
        _memberships = database.GetCollection<ScimMembershipRecord>(LiteDbScimGroupStore.Memberships);
        _memberships.EnsureIndex(m => m.MemberId);
        _groups = database.GetCollection<ScimGroupRecord>(LiteDbScimGroupStore.Groups);
        _order = new OrderedIds(() => _users.Query().Select(u => u.Id).ToEnumerable());
    }

    /// <inheritdoc />
    public void Insert(ScimUserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            LiteDbTransaction.Run(_database, () => _users.Insert(user));
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
        try
        {
            LiteDbTransaction.Run(_database, () => _users.InsertBulk(users));
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
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
    public bool Update(ScimUserRecord user) => Update(user, null);

    /// <inheritdoc />
    public bool Update(ScimUserRecord user, long expectedVersion) => Update(user, (long?)expectedVersion);

    private bool Update(ScimUserRecord user, long? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(user);
        try
        {
            return LiteDbTransaction.Run(_database, () =>
            {
                if (!IndexKeys.Fits(user.Id) || _users.FindById(user.Id) is not { } before)
                {
                    return false;
                }

                if (expectedVersion is { } expected && before.Version != expected)
                {
                    throw new ScimVersionConflictException($"User '{user.Id}' is at version {before.Version}, not {expected}: another write changed it first.");
                }

                if (!_users.Update(user))
                {
                    return false;
                }

                var display = MemberInfo.DisplayOf(user);
                if (display != MemberInfo.DisplayOf(before))
                {
                    // One record per group the user is in, found through the MemberId index: a rename touches only those.
                    foreach (var membership in _memberships.Find(m => m.MemberId == user.Id).ToList())
                    {
                        membership.Display = display;
                        _memberships.Update(membership);
                    }
                }

                LiteDbProvisioningOutbox.Record(_database, [ProvisioningEvent.ForUpdate(before, user)]);
                return true;
            });
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateUserNameException($"User name '{user.UserName}' is already taken.", ex);
        }
    }

    /// <inheritdoc />
    public bool Delete(string id, DateTime modified)
    {
        if (!IndexKeys.Fits(id))
        {
            return false;
        }

        var deleted = LiteDbTransaction.Run(_database, () =>
        {
            if (!_users.Delete(id))
            {
                return false;
            }

            foreach (var membership in _memberships.Find(m => m.MemberId == id).ToList())
            {
                _memberships.Delete(membership.Id);
                if (_groups.FindById(membership.GroupId) is { } group)
                {
                    group.Version++;
                    group.LastModified = modified;
                    _groups.Update(group);
                }
            }

            LiteDbProvisioningOutbox.Record(_database, [new ProvisioningEvent(ProvisioningEventKind.Deleted, id)]);
            return true;
        });
        if (deleted)
        {
            _order.Remove(id);
        }

        return deleted;
    }

    /// <inheritdoc />
    public int Count() => _order.Count;
}
