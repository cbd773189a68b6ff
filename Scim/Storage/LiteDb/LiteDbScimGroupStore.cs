using LiteDB;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Storage;

namespace ScimGateway.Scim.Storage.LiteDb;

/// <summary>
/// SCIM groups in collection <c>scim_groups</c> and their members in <c>scim_memberships</c>, one record per
/// membership, indexed by group and by member. Every write is one transaction that also records its provisioning
/// events in the outbox.
/// </summary>
public sealed class LiteDbScimGroupStore : IScimGroupStore
{
    internal const string Groups = "scim_groups";
    internal const string Memberships = "scim_memberships";
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<ScimGroupRecord> _groups;
    private readonly ILiteCollection<ScimMembershipRecord> _memberships;
    private readonly OrderedIds _order;

    /// <summary>Opens the collections and makes sure their indexes exist.</summary>
    public LiteDbScimGroupStore(ILiteDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _groups = database.GetCollection<ScimGroupRecord>(Groups);
        _groups.EnsureIndex(g => g.DisplayNameKey, unique: true);
        _groups.EnsureIndex(g => g.ExternalId);
        _memberships = database.GetCollection<ScimMembershipRecord>(Memberships);
        _memberships.EnsureIndex(m => m.GroupId);
        _memberships.EnsureIndex(m => m.MemberId);
        _order = new OrderedIds(() => _groups.Query().Select(g => g.Id).ToEnumerable());
    }

    /// <inheritdoc />
    public void Insert(ScimGroupRecord group, IReadOnlyCollection<ScimMembershipRecord> members, IReadOnlyCollection<ProvisioningEvent> events)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            LiteDbTransaction.Run(_database, () =>
            {
                _groups.Insert(group);
                foreach (var member in members)
                {
                    member.GroupId = group.Id;
                    member.Id = ScimMembershipRecord.KeyOf(group.Id, member.MemberId);
                }

                _memberships.Upsert(members.DistinctBy(m => m.Id, StringComparer.Ordinal));
                LiteDbProvisioningOutbox.Record(_database, events);
                return true;
            });
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateGroupNameException($"A group named '{group.DisplayName}' already exists.", ex);
        }

        _order.Add(group.Id);
    }

    /// <inheritdoc />
    public bool Update(ScimGroupRecord group, IReadOnlyCollection<ProvisioningEvent> events)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(events);
        return LiteDbTransaction.Run(_database, () => Write(group, null, events));
    }

    /// <inheritdoc />
    public bool Update(ScimGroupRecord group, long expectedVersion, IReadOnlyCollection<ProvisioningEvent> events)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(events);
        return LiteDbTransaction.Run(_database, () => Write(group, expectedVersion, events));
    }

    /// <inheritdoc />
    public bool Delete(string id, IReadOnlyCollection<ProvisioningEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!IndexKeys.Fits(id))
        {
            return false;
        }

        var deleted = LiteDbTransaction.Run(_database, () =>
        {
            if (!_groups.Delete(id))
            {
                return false;
            }

            _memberships.DeleteMany(m => m.GroupId == id);
            _memberships.DeleteMany(m => m.MemberId == id);
            LiteDbProvisioningOutbox.Record(_database, events);
            return true;
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
        Func<string, MemberInfo> describe,
        Func<MembershipDelta, GroupWrite?> complete)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(complete);
        var addedOut = new List<string>();
        var removedOut = new List<string>();
        return LiteDbTransaction.Run(_database, () =>
        {
            if (!IndexKeys.Fits(groupId) || _groups.FindById(groupId) is null)
            {
                throw new ScimVersionConflictException($"Group '{groupId}' was deleted by another write.");
            }

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

            var delta = new MembershipDelta(addedOut, removedOut);
            if (complete(delta) is { } write)
            {
                if (!Write(write.Record, write.ExpectedVersion, write.Events))
                {
                    throw new ScimVersionConflictException($"Group '{groupId}' was deleted by another write.");
                }
            }

            return delta;
        });
    }

    /// <inheritdoc />
    public void InsertMembers(string groupId, IReadOnlyCollection<ScimMembershipRecord> members) =>
        LiteDbTransaction.Run(_database, () =>
        {
            foreach (var member in members)
            {
                member.GroupId = groupId;
                member.Id = ScimMembershipRecord.KeyOf(groupId, member.MemberId);
            }

            return _memberships.Upsert(members);
        });

    /// <summary>Replaces the record (only at <paramref name="expectedVersion"/> when given), carries a new name to its memberships elsewhere, records the events.</summary>
    private bool Write(ScimGroupRecord group, long? expectedVersion, IReadOnlyCollection<ProvisioningEvent> events)
    {
        if (!IndexKeys.Fits(group.Id) || _groups.FindById(group.Id) is not { } before)
        {
            return false;
        }

        if (expectedVersion is { } expected && before.Version != expected)
        {
            throw new ScimVersionConflictException($"Group '{group.Id}' is at version {before.Version}, not {expected}: another write changed it first.");
        }

        try
        {
            _groups.Update(group);
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateGroupNameException($"A group named '{group.DisplayName}' already exists.", ex);
        }

        if (before.DisplayName != group.DisplayName)
        {
            foreach (var membership in _memberships.Find(m => m.MemberId == group.Id).ToList())
            {
                membership.Display = group.DisplayName;
                _memberships.Update(membership);
            }
        }

        LiteDbProvisioningOutbox.Record(_database, events);
        return true;
    }
}
