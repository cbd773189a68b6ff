using Npgsql;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Users;
using static ScimGateway.Scim.Storage.PostgreSql.PostgreSqlScim;

namespace ScimGateway.Scim.Storage.PostgreSql;

/// <summary>
/// SCIM users in table <c>scim_users</c>. Every write is one transaction that also writes the user's memberships and
/// the outbox; user names are unique through the database's unique index, so nodes sharing the database agree.
/// </summary>
public sealed class PostgreSqlScimUserStore : IScimUserStore
{
    private const string Columns =
        "id, user_name, user_name_key, external_id, display_name, display_name_key, primary_email, email_keys, active, local, roles, resource, version, created, last_modified";

    private const int StreamBatch = 500;

    // Statements per round trip in InsertMany; a user row is about a kilobyte, so a chunk stays near a megabyte.
    private const int InsertBatch = 1000;
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Uses the process's data source; the schema comes from the migrations.</summary>
    public PostgreSqlScimUserStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc />
    public void Insert(ScimUserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        InsertMany([user], $"User name '{user.UserName}' is already taken.");
    }

    /// <inheritdoc />
    public void InsertMany(IReadOnlyCollection<ScimUserRecord> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        InsertMany(users, "A user name in the batch is already taken.");
    }

    /// <inheritdoc />
    public ScimUserRecord? FindById(string id) =>
        IndexKeys.Fits(id) ? Query(_dataSource, $"SELECT {Columns} FROM scim_users WHERE id = @id", Read, ("id", id)).SingleOrDefault() : null;

    /// <inheritdoc />
    public ScimUserRecord? FindByUserName(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        var key = ScimUserRecord.KeyOf(userName);
        return IndexKeys.Fits(key)
            ? Query(_dataSource, $"SELECT {Columns} FROM scim_users WHERE user_name_key = @key", Read, ("key", key)).SingleOrDefault()
            : null;
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

        // Each condition is answered by one index of 0001_scim.sql (emails by the GIN index on the key array).
        var condition = hint.Attribute switch
        {
            "id" => ("id = @value", (object)hint.Value),
            "userName" => ("user_name_key = @value", key),
            "externalId" => ("external_id = @value", hint.Value),
            "displayName" => ("display_name_key = @value", key),
            "emails.value" => ("email_keys @> ARRAY[@value]::text[]", key),
            _ => ((string, object)?)null,
        };
        return condition is { } c
            ? Query(_dataSource, $"SELECT {Columns} FROM scim_users WHERE {c.Item1} ORDER BY id", Read, ("value", c.Item2))
            : [];
    }

    /// <inheritdoc />
    public IReadOnlyList<ScimUserRecord> Page(int skip, int take) =>
        take <= 0 ? [] : Query(_dataSource, $"SELECT {Columns} FROM scim_users ORDER BY id LIMIT @take OFFSET @skip", Read,
            ("take", take), ("skip", Math.Max(skip, 0)));

    /// <inheritdoc />
    public IEnumerable<ScimUserRecord> All()
    {
        // Batches after the last id seen: no connection is held while the caller works through the users.
        var after = "";
        while (true)
        {
            var batch = Query(_dataSource, $"SELECT {Columns} FROM scim_users WHERE id > @after ORDER BY id LIMIT {StreamBatch}", Read, ("after", after));
            foreach (var user in batch)
            {
                yield return user;
            }

            if (batch.Count < StreamBatch)
            {
                yield break;
            }

            after = batch[^1].Id;
        }
    }

    /// <inheritdoc />
    public bool Update(ScimUserRecord user) => Update(user, null);

    /// <inheritdoc />
    public bool Update(ScimUserRecord user, long expectedVersion) => Update(user, (long?)expectedVersion);

    /// <inheritdoc />
    public bool Delete(string id, DateTime modified)
    {
        if (!IndexKeys.Fits(id))
        {
            return false;
        }

        return InTransaction(_dataSource, (connection, transaction) =>
        {
            if (Execute(connection, transaction, "DELETE FROM scim_users WHERE id = @id", ("id", id)) == 0)
            {
                return false;
            }

            // The groups the user leaves get a new version; locked in id order so concurrent deletions do not deadlock.
            Execute(connection, transaction,
                """
                WITH gone AS (DELETE FROM scim_memberships WHERE member_id = @id RETURNING group_id),
                     locked AS (SELECT g.id FROM scim_groups g WHERE g.id IN (SELECT group_id FROM gone) ORDER BY g.id FOR NO KEY UPDATE)
                UPDATE scim_groups g SET version = g.version + 1, last_modified = @modified FROM locked WHERE g.id = locked.id
                """,
                ("id", id), ("modified", Utc(modified)));
            Record(connection, transaction, [new ProvisioningEvent(ProvisioningEventKind.Deleted, id)]);
            return true;
        });
    }

    /// <inheritdoc />
    public int Count() => Convert.ToInt32(Scalar(_dataSource, "SELECT count(*) FROM scim_users"), System.Globalization.CultureInfo.InvariantCulture);

    private bool Update(ScimUserRecord user, long? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!IndexKeys.Fits(user.Id))
        {
            return false;
        }

        try
        {
            return InTransaction(_dataSource, (connection, transaction) =>
            {
                // The row lock makes "before" the version this update replaces, whichever node wrote it.
                var before = Query(connection, transaction, $"SELECT {Columns} FROM scim_users WHERE id = @id FOR UPDATE", Read, ("id", user.Id)).SingleOrDefault();
                if (before is null)
                {
                    return false;
                }

                if (expectedVersion is { } expected && before.Version != expected)
                {
                    throw new ScimVersionConflictException($"User '{user.Id}' is at version {before.Version}, not {expected}: another write changed it first.");
                }

                Execute(connection, transaction,
                    """
                    UPDATE scim_users SET user_name = @user_name, user_name_key = @user_name_key, external_id = @external_id,
                        display_name = @display_name, display_name_key = @display_name_key, primary_email = @primary_email,
                        email_keys = @email_keys, active = @active, local = @local, roles = @roles, resource = @resource,
                        version = @version, created = @created, last_modified = @last_modified
                    WHERE id = @id
                    """,
                    Parameters(user));
                var display = MemberInfo.DisplayOf(user);
                if (display != MemberInfo.DisplayOf(before))
                {
                    Execute(connection, transaction, "UPDATE scim_memberships SET display = @display WHERE member_id = @id", ("display", display), ("id", user.Id));
                }

                Record(connection, transaction, [ProvisioningEvent.ForUpdate(before, user)]);
                return true;
            });
        }
        catch (PostgresException ex) when (IsUniqueViolation(ex, UserNameIndex))
        {
            throw new DuplicateUserNameException($"User name '{user.UserName}' is already taken.", ex);
        }
    }

    private void InsertMany(IReadOnlyCollection<ScimUserRecord> users, string duplicateMessage)
    {
        try
        {
            InTransaction(_dataSource, (connection, transaction) =>
            {
                // One round trip per chunk instead of one per user: an import of 100,000 users is bound by the
                // database's work, not by 100,000 waits for the network.
                foreach (var chunk in users.Chunk(InsertBatch))
                {
                    using var batch = new NpgsqlBatch(connection, transaction);
                    foreach (var user in chunk)
                    {
                        var insert = new NpgsqlBatchCommand(
                            $"""
                            INSERT INTO scim_users ({Columns}) VALUES (@id, @user_name, @user_name_key, @external_id, @display_name,
                                @display_name_key, @primary_email, @email_keys, @active, @local, @roles, @resource, @version, @created, @last_modified)
                            """);
                        foreach (var (name, value) in Parameters(user))
                        {
                            insert.Parameters.AddWithValue(name, value ?? DBNull.Value);
                        }

                        batch.BatchCommands.Add(insert);
                    }

                    batch.ExecuteNonQuery();
                }

                return true;
            });
        }
        catch (PostgresException ex) when (IsUniqueViolation(ex, UserNameIndex))
        {
            throw new DuplicateUserNameException(duplicateMessage, ex);
        }
    }

    private static (string, object?)[] Parameters(ScimUserRecord user) =>
    [
        ("id", user.Id), ("user_name", user.UserName), ("user_name_key", user.UserNameKey), ("external_id", user.ExternalId),
        ("display_name", user.DisplayName), ("display_name_key", user.DisplayNameKey), ("primary_email", user.PrimaryEmail),
        ("email_keys", user.EmailKeys.ToArray()), ("active", user.Active), ("local", user.Local), ("roles", user.Roles.ToArray()),
        ("resource", user.Resource), ("version", user.Version), ("created", Utc(user.Created)), ("last_modified", Utc(user.LastModified)),
    ];

    private static ScimUserRecord Read(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        UserName = reader.GetString(1),
        UserNameKey = reader.GetString(2),
        ExternalId = reader.IsDBNull(3) ? null : reader.GetString(3),
        DisplayName = reader.IsDBNull(4) ? null : reader.GetString(4),
        DisplayNameKey = reader.IsDBNull(5) ? null : reader.GetString(5),
        PrimaryEmail = reader.IsDBNull(6) ? null : reader.GetString(6),
        EmailKeys = [.. reader.GetFieldValue<string[]>(7)],
        Active = reader.GetBoolean(8),
        Local = reader.GetBoolean(9),
        Roles = [.. reader.GetFieldValue<string[]>(10)],
        Resource = reader.GetString(11),
        Version = reader.GetInt64(12),
        Created = reader.GetDateTime(13),
        LastModified = reader.GetDateTime(14),
    };
}
