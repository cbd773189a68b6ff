using LiteDB;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Storage;

namespace ScimGateway.Scim.Storage.LiteDb;

/// <summary>
/// SCIM groups in collection <c>scim_groups</c> and their members in <c>scim_memberships</c>, one record per
/// membership, indexed by group and by member.
/// </summary>
public sealed class LiteDbScimGroupStore : IScimGroupStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<ScimGroupRecord> _groups;
    private readonly ILiteCollection<ScimMembershipRecord> _memberships;
    private readonly OrderedIds _order;

    /// <summary>Opens the collections and makes sure their indexes exist.</summary>
    public LiteDbScimGroupStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _groups = database.GetCollection<ScimGroupRecord>("scim_groups");
        _groups.EnsureIndex(g => g.DisplayNameKey, unique: true);
        _groups.EnsureIndex(g => g.ExternalId);
        _memberships = database.GetCollection<ScimMembershipRecord>("scim_memberships");
        _memberships.EnsureIndex(m => m.GroupId);
        _memberships.EnsureIndex(m => m.MemberId);
        _order = new OrderedIds(() => _groups.Query().Select(g => g.Id).ToEnumerable());
    }

    /// <inheritdoc />
    public void Insert(ScimGroupRecord group)
    {
        ArgumentNullException.ThrowIfNull(group);
        try
        {
            _groups.Insert(group);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateGroupNameException($"A group named '{group.DisplayName}' already exists.", ex);
        }

        _order.Add(group.Id);
    }

    /// <inheritdoc />
    public bool Update(ScimGroupRecord group)
    {
        ArgumentNullException.ThrowIfNull(group);
        try
        {
            return _groups.Update(group);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateGroupNameException($"A group named '{group.DisplayName}' already exists.", ex);
        }
    }

    /// <inheritdoc />
    public bool Delete(string id)
    {
        var deleted = false;
        InTransaction(() =>
        {
            _memberships.DeleteMany(m => m.GroupId == id);
            _memberships.DeleteMany(m => m.MemberId == id);
            deleted = _groups.Delete(id);
        });
        if (deleted)
        {
            _order.Remove(id);
        }

        return deleted;
    }

    /// <inheritdoc />
    public ScimGroupRecord? FindById(string id) => IndexKeys.Fits(id) ? _groups.FindById(id) : null;

    /// <inheritdoc />
    public IReadOnlyList<ScimGroupRecord> FindCandidates(FilterIndexHint hint)
    {
        ArgumentNullException.ThrowIfNull(hint);
        var key = hint.Value.ToUpperInvariant();
        if (!IndexKeys.Fits(key))
        {
            return [];
        }

        return hint.Attribute switch
        {
            "id" => FindById(hint.Value) is { } group ? [group] : [],
            "displayName" => _groups.Find(g => g.DisplayNameKey == key).ToList(),
            "externalId" => _groups.Find(g => g.ExternalId == hint.Value).ToList(),
            "members.value" => GroupsOf(hint.Value).Select(m => FindById(m.GroupId)).OfType<ScimGroupRecord>().OrderBy(g => g.Id, StringComparer.Ordinal).ToList(),
            _ => [],
        };
    }

    /// <inheritdoc />
    public IReadOnlyList<ScimGroupRecord> Page(int skip, int take) =>
        _order.Slice(skip, take).Select(FindById).OfType<ScimGroupRecord>().ToList();

    /// <inheritdoc />
    public IEnumerable<ScimGroupRecord> All() => _groups.Query().OrderBy(g => g.Id).ToEnumerable();

    /// <inheritdoc />
    public int Count() => _order.Count;

    /// <inheritdoc />
    public IEnumerable<ScimMembershipRecord> MembersOf(string groupId) => _memberships.Find(m => m.GroupId == groupId);

    /// <inheritdoc />
    public IReadOnlyList<ScimMembershipRecord> GroupsOf(string memberId) => _memberships.Find(m => m.MemberId == memberId).ToList();

    /// <inheritdoc />
    public bool IsMember(string groupId, string memberId) =>
        IndexKeys.Fits(memberId) && _memberships.FindById(ScimMembershipRecord.KeyOf(groupId, memberId)) is not null;

    /// <inheritdoc />
    public MembershipDelta ApplyMembers(
        string groupId,
        IReadOnlyList<string> added,
        IReadOnlyCollection<string> removed,
        bool replaceAll,
        Func<string, MemberInfo> describe)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(describe);
        var addedOut = new List<string>();
        var removedOut = new List<string>();
        InTransaction(() =>
        {
            if (replaceAll)
            {
                var keep = new HashSet<string>(added, StringComparer.Ordinal);
                foreach (var member in _memberships.Find(m => m.GroupId == groupId).ToList())
                {
                    if (!keep.Contains(member.MemberId) && _memberships.Delete(member.Id))
                    {
                        removedOut.Add(member.MemberId);
                    }
                }
            }
            else
            {
                foreach (var id in removed)
                {
                    if (_memberships.Delete(ScimMembershipRecord.KeyOf(groupId, id)))
                    {
                        removedOut.Add(id);
                    }
                }
            }

            foreach (var id in added)
            {
                var key = ScimMembershipRecord.KeyOf(groupId, id);
                if (_memberships.FindById(key) is null)
                {
                    var member = describe(id);
                    _memberships.Insert(new ScimMembershipRecord { Id = key, GroupId = groupId, MemberId = id, MemberType = member.Type, Display = member.Display });
                    addedOut.Add(id);
                }
            }
        });
        return new MembershipDelta(addedOut, removedOut);
    }

    /// <inheritdoc />
    public void SetMemberDisplay(string memberId, string? display) =>
        InTransaction(() =>
        {
            // One record per group the member is in, found through the MemberId index: a rename touches only those.
            foreach (var membership in _memberships.Find(m => m.MemberId == memberId).ToList())
            {
                if (membership.Display != display)
                {
                    membership.Display = display;
                    _memberships.Update(membership);
                }
            }
        });

    /// <inheritdoc />
    public void InsertMembers(string groupId, IReadOnlyCollection<ScimMembershipRecord> members) =>
        InTransaction(() =>
        {
            foreach (var member in members)
            {
                member.GroupId = groupId;
                member.Id = ScimMembershipRecord.KeyOf(groupId, member.MemberId);
            }

            _memberships.Upsert(members);
        });

    /// <inheritdoc />
    public IReadOnlyList<string> RemoveMemberEverywhere(string memberId)
    {
        var groups = GroupsOf(memberId).Select(m => m.GroupId).ToList();
        _memberships.DeleteMany(m => m.MemberId == memberId);
        return groups;
    }

    private void InTransaction(Action work)
    {
        // LiteDB transactions belong to the calling thread; one opened by a caller is joined, not committed here.
        var own = _database.BeginTrans();
        try
        {
            work();
            if (own)
            {
                _database.Commit();
            }
        }
        catch
        {
            if (own)
            {
                _database.Rollback();
            }

            throw;
        }
    }
}
