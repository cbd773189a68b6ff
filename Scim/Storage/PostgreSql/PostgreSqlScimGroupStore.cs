using Npgsql;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using static ScimGateway.Scim.Storage.PostgreSql.PostgreSqlScim;

namespace ScimGateway.Scim.Storage.PostgreSql;

/// <summary>
/// SCIM groups in table <c>scim_groups</c> and their members in <c>scim_memberships</c>, one row per membership keyed
/// by (group, member). Membership changes are set operations (<c>INSERT ... ON CONFLICT DO NOTHING</c>, <c>DELETE</c>),
/// so parallel adds from several nodes lose none and a PATCH never reads the whole member list.
/// </summary>
public sealed class PostgreSqlScimGroupStore : IScimGroupStore
{
    private const string Columns = "id, display_name, display_name_key, external_id, resource, version, created, last_modified";
    private const string MemberColumns = "group_id, member_id, member_type, display";
    private const int StreamBatch = 1000;
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Uses the process's data source; the schema comes from the migrations.</summary>
    public PostgreSqlScimGroupStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc />
    public void Insert(ScimGroupRecord group, IReadOnlyCollection<ScimMembershipRecord> members, IReadOnlyCollection<ProvisioningEvent> events)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(events);
        try
        {
            InTransaction(_dataSource, (connection, transaction) =>
            {
                Execute(connection, transaction,
                    $"INSERT INTO scim_groups ({Columns}) VALUES (@id, @display_name, @display_name_key, @external_id, @resource, @version, @created, @last_modified)",
                    Parameters(group));
                InsertMembers(connection, transaction, group.Id, members);
                Record(connection, transaction, events);
                return true;
            });
        }
        catch (PostgresException ex) when (IsUniqueViolation(ex, GroupNameIndex))
        {
            throw new DuplicateGroupNameException($"A group named '{group.DisplayName}' already exists.", ex);
        }
    }

    /// <inheritdoc />
    public bool Update(ScimGroupRecord group, IReadOnlyCollection<ProvisioningEvent> events)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(events);
        return Guarded(group, () => InTransaction(_dataSource, (connection, transaction) => Write(connection, transaction, group, null, events)));
    }

    /// <inheritdoc />
    public bool Update(ScimGroupRecord group, long expectedVersion, IReadOnlyCollection<ProvisioningEvent> events)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(events);
        return Guarded(group, () => InTransaction(_dataSource, (connection, transaction) => Write(connection, transaction, group, expectedVersion, events)));
    }

    /// <inheritdoc />
    public bool Delete(string id, IReadOnlyCollection<ProvisioningEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!IndexKeys.Fits(id))
        {
            return false;
        }

        return InTransaction(_dataSource, (connection, transaction) =>
        {
            // Its own memberships go with it (ON DELETE CASCADE); its memberships in other groups here.
            if (Execute(connection, transaction, "DELETE FROM scim_groups WHERE id = @id", ("id", id)) == 0)
            {
                return false;
            }

            Execute(connection, transaction, "DELETE FROM scim_memberships WHERE member_id = @id", ("id", id));
            Record(connection, transaction, events);
            return true;
        });
    }

    /// <inheritdoc />
    public ScimGroupRecord? FindById(string id) =>
        IndexKeys.Fits(id) ? Query(_dataSource, $"SELECT {Columns} FROM scim_groups WHERE id = @id", Read, ("id", id)).SingleOrDefault() : null;

    /// <inheritdoc />
    public IReadOnlyList<ScimGroupRecord> FindCandidates(FilterIndexHint hint)
    {
        ArgumentNullException.ThrowIfNull(hint);
        var key = hint.Value.ToUpperInvariant();
        if (!IndexKeys.Fits(key))
        {
            return [];
        }

        var condition = hint.Attribute switch
        {
            "id" => ("id = @value", hint.Value),
            "displayName" => ("display_name_key = @value", key),
            "externalId" => ("external_id = @value", hint.Value),
            "members.value" => ("id IN (SELECT group_id FROM scim_memberships WHERE member_id = @value)", hint.Value),
            _ => ((string, string)?)null,
        };
        return condition is { } c
            ? Query(_dataSource, $"SELECT {Columns} FROM scim_groups WHERE {c.Item1} ORDER BY id", Read, ("value", c.Item2))
            : [];
    }

    /// <inheritdoc />
    public IReadOnlyList<ScimGroupRecord> Page(int skip, int take) =>
        take <= 0 ? [] : Query(_dataSource, $"SELECT {Columns} FROM scim_groups ORDER BY id LIMIT @take OFFSET @skip", Read,
            ("take", take), ("skip", Math.Max(skip, 0)));

    /// <inheritdoc />
    public IEnumerable<ScimGroupRecord> All()
    {
        var after = "";
        while (true)
        {
            var batch = Query(_dataSource, $"SELECT {Columns} FROM scim_groups WHERE id > @after ORDER BY id LIMIT {StreamBatch}", Read, ("after", after));
            foreach (var group in batch)
            {
                yield return group;
            }

            if (batch.Count < StreamBatch)
            {
                yield break;
            }

            after = batch[^1].Id;
        }
    }

    /// <inheritdoc />
    public int Count() => Convert.ToInt32(Scalar(_dataSource, "SELECT count(*) FROM scim_groups"), System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public IEnumerable<ScimMembershipRecord> MembersOf(string groupId)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        if (!IndexKeys.Fits(groupId))
        {
            yield break;
        }

        // Batches along the primary key: a 50,000-member group streams without holding a connection meanwhile.
        var after = "";
        while (true)
        {
            var batch = Query(_dataSource,
                $"SELECT {MemberColumns} FROM scim_memberships WHERE group_id = @group AND member_id > @after ORDER BY member_id LIMIT {StreamBatch}",
                ReadMember, ("group", groupId), ("after", after));
            foreach (var member in batch)
            {
                yield return member;
            }

            if (batch.Count < StreamBatch)
            {
                yield break;
            }

            after = batch[^1].MemberId;
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<ScimMembershipRecord> GroupsOf(string memberId) =>
        IndexKeys.Fits(memberId)
            ? Query(_dataSource, $"SELECT {MemberColumns} FROM scim_memberships WHERE member_id = @member ORDER BY group_id", ReadMember, ("member", memberId))
            : [];

    /// <inheritdoc />
    public bool IsMember(string groupId, string memberId) =>
        IndexKeys.Fits(groupId) && IndexKeys.Fits(memberId)
        && Scalar(_dataSource, "SELECT 1 FROM scim_memberships WHERE group_id = @group AND member_id = @member", ("group", groupId), ("member", memberId)) is not null;

    /// <inheritdoc />
    public MembershipDelta ApplyMembers(
        string groupId,
        IReadOnlyList<string> added,
        IReadOnlyCollection<string> removed,
        bool replaceAll,
        Func<string, MemberInfo> describe,
        Func<MembershipDelta, GroupWrite?> complete)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(removed);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(complete);
        GroupWrite? pending = null;
        try
        {
            return InTransaction(_dataSource, (connection, transaction) =>
            {
                // KEY SHARE: parallel member changes of one group do not wait for each other, a deletion of the group does.
                if (Query(connection, transaction, "SELECT 1 FROM scim_groups WHERE id = @id FOR KEY SHARE", r => 1, ("id", groupId)).Count == 0)
                {
                    throw new ScimVersionConflictException($"Group '{groupId}' was deleted by another write.");
                }

                var distinct = added.Distinct(StringComparer.Ordinal).ToList();
                // A plain add (what IdPs send most) skips the DELETE: one round trip less inside the group's lock.
                var removedOut = replaceAll
                    ? Query(connection, transaction,
                        "DELETE FROM scim_memberships WHERE group_id = @group AND NOT (member_id = ANY(@keep)) RETURNING member_id",
                        r => r.GetString(0), ("group", groupId), ("keep", distinct.ToArray()))
                    : removed.Count == 0 ? []
                    : Query(connection, transaction,
                        "DELETE FROM scim_memberships WHERE group_id = @group AND member_id = ANY(@removed) RETURNING member_id",
                        r => r.GetString(0), ("group", groupId), ("removed", removed.ToArray()));

                // Only the ids not yet members are described and inserted; ON CONFLICT covers an add by another node meanwhile.
                var absent = distinct.Count == 0 ? [] : Query(connection, transaction,
                    "SELECT a FROM unnest(@ids) AS a WHERE NOT EXISTS (SELECT 1 FROM scim_memberships WHERE group_id = @group AND member_id = a)",
                    r => r.GetString(0), ("ids", distinct.ToArray()), ("group", groupId)).ToHashSet(StringComparer.Ordinal);
                var toInsert = distinct.Where(absent.Contains).Select(id =>
                {
                    var info = describe(id);
                    return new ScimMembershipRecord { MemberId = id, MemberType = info.Type, Display = info.Display };
                }).ToList();
                var insertedIds = InsertMembers(connection, transaction, groupId, toInsert).ToHashSet(StringComparer.Ordinal);
                var addedOut = distinct.Where(insertedIds.Contains).ToList();
                var delta = new MembershipDelta(addedOut, Ordered(removedOut, replaceAll ? null : removed));
                if (complete(delta) is { } write)
                {
                    pending = write;
                    if (!Write(connection, transaction, write.Record, write.ExpectedVersion, write.Events))
                    {
                        throw new ScimVersionConflictException($"Group '{groupId}' was deleted by another write.");
                    }
                }

                return delta;
            });
        }
        catch (PostgresException ex) when (IsUniqueViolation(ex, GroupNameIndex))
        {
            throw new DuplicateGroupNameException($"A group named '{pending?.Record.DisplayName}' already exists.", ex);
        }
    }

    /// <inheritdoc />
    public void InsertMembers(string groupId, IReadOnlyCollection<ScimMembershipRecord> members)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentNullException.ThrowIfNull(members);
        InTransaction(_dataSource, (connection, transaction) => InsertMembers(connection, transaction, groupId, members));
    }

    /// <summary>Inserts the memberships that are absent (a member listed twice once); returns the member ids inserted.</summary>
    private static List<string> InsertMembers(NpgsqlConnection connection, NpgsqlTransaction transaction, string groupId, IReadOnlyCollection<ScimMembershipRecord> members)
    {
        var distinct = members.DistinctBy(m => m.MemberId, StringComparer.Ordinal).ToList();
        foreach (var member in members)
        {
            member.GroupId = groupId;
            member.Id = ScimMembershipRecord.KeyOf(groupId, member.MemberId);
        }

        if (distinct.Count == 0)
        {
            return [];
        }

        return Query(connection, transaction,
            """
            INSERT INTO scim_memberships (group_id, member_id, member_type, display)
            SELECT @group, m, t, d FROM unnest(@members, @types, @displays) AS x(m, t, d)
            ON CONFLICT (group_id, member_id) DO NOTHING
            RETURNING member_id
            """,
            r => r.GetString(0),
            ("group", groupId),
            ("members", distinct.Select(m => m.MemberId).ToArray()),
            ("types", distinct.Select(m => m.MemberType).ToArray()),
            ("displays", distinct.Select(m => m.Display).ToArray()));
    }

    /// <summary>Removed ids in the order the caller listed them (the order of the member list otherwise).</summary>
    private static List<string> Ordered(List<string> removed, IReadOnlyCollection<string>? asListed)
    {
        if (asListed is null)
        {
            removed.Sort(StringComparer.Ordinal);
            return removed;
        }

        var set = removed.ToHashSet(StringComparer.Ordinal);
        return asListed.Where(set.Remove).ToList();
    }

    /// <summary>
    /// Replaces the record (only at <paramref name="expectedVersion"/> when given), carries a new name to its
    /// memberships elsewhere, records the events; false when the group is gone.
    /// </summary>
    private static bool Write(NpgsqlConnection connection, NpgsqlTransaction transaction, ScimGroupRecord group, long? expectedVersion, IReadOnlyCollection<ProvisioningEvent> events)
    {
        if (!IndexKeys.Fits(group.Id))
        {
            return false;
        }

        var before = Query(connection, transaction, "SELECT display_name, version FROM scim_groups WHERE id = @id FOR NO KEY UPDATE",
            r => (Name: r.GetString(0), Version: r.GetInt64(1)), ("id", group.Id));
        if (before.Count == 0)
        {
            return false;
        }

        if (expectedVersion is { } expected && before[0].Version != expected)
        {
            throw new ScimVersionConflictException($"Group '{group.Id}' is at version {before[0].Version}, not {expected}: another write changed it first.");
        }

        Execute(connection, transaction,
            """
            UPDATE scim_groups SET display_name = @display_name, display_name_key = @display_name_key, external_id = @external_id,
                resource = @resource, version = @version, created = @created, last_modified = @last_modified
            WHERE id = @id
            """,
            Parameters(group));
        if (before[0].Name != group.DisplayName)
        {
            Execute(connection, transaction, "UPDATE scim_memberships SET display = @display WHERE member_id = @id", ("display", group.DisplayName), ("id", group.Id));
        }

        Record(connection, transaction, events);
        return true;
    }

    private static bool Guarded(ScimGroupRecord group, Func<bool> write)
    {
        try
        {
            return write();
        }
        catch (PostgresException ex) when (IsUniqueViolation(ex, GroupNameIndex))
        {
            throw new DuplicateGroupNameException($"A group named '{group.DisplayName}' already exists.", ex);
        }
    }

    private static (string, object?)[] Parameters(ScimGroupRecord group) =>
    [
        ("id", group.Id), ("display_name", group.DisplayName), ("display_name_key", group.DisplayNameKey), ("external_id", group.ExternalId),
        ("resource", group.Resource), ("version", group.Version), ("created", Utc(group.Created)), ("last_modified", Utc(group.LastModified)),
    ];

    private static ScimGroupRecord Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        DisplayName = reader.GetString(1),
        DisplayNameKey = reader.GetString(2),
        ExternalId = reader.IsDBNull(3) ? null : reader.GetString(3),
        Resource = reader.GetString(4),
        Version = reader.GetInt64(5),
        Created = reader.GetDateTime(6),
        LastModified = reader.GetDateTime(7),
    };

    private static ScimMembershipRecord ReadMember(NpgsqlDataReader reader) => new()
    {
        GroupId = reader.GetString(0),
        MemberId = reader.GetString(1),
        Id = ScimMembershipRecord.KeyOf(reader.GetString(0), reader.GetString(1)),
        MemberType = reader.GetString(2),
        Display = reader.IsDBNull(3) ? null : reader.GetString(3),
    };
}
