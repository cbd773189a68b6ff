using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Provisioning;

namespace ScimGateway.Scim.Users;

/// <summary>
/// Where SCIM users are kept. Each call is one unit of consistency (one transaction): a change to a person changes
/// their group memberships and records their <see cref="ProvisioningEvent"/> in the outbox in the same call. "Not
/// found" is <see langword="null"/>, <see langword="false"/> or empty, never an exception.
/// </summary>
public interface IScimUserStore
{
    /// <summary>Adds a user; throws <see cref="DuplicateUserNameException"/> when the user name is taken.</summary>
    void Insert(ScimUserRecord user);

    /// <summary>Adds many users in one transaction (seeding, imports); all or none.</summary>
    void InsertMany(IReadOnlyCollection<ScimUserRecord> users);

    /// <summary>Finds a user by id.</summary>
    ScimUserRecord? FindById(string id);

    /// <summary>Finds a user by user name, case-insensitively.</summary>
    ScimUserRecord? FindByUserName(string userName);

    /// <summary>
    /// The users an indexed <c>eq</c> term can match (a superset when the term is case-insensitive); the caller
    /// evaluates the whole filter on them.
    /// </summary>
    IReadOnlyList<ScimUserRecord> FindCandidates(FilterIndexHint hint);

    /// <summary>Users in stable id order, positions <paramref name="skip"/> onwards, at most <paramref name="take"/>.</summary>
    IReadOnlyList<ScimUserRecord> Page(int skip, int take);

    /// <summary>Every user, in id order (filters the indexes cannot answer).</summary>
    IEnumerable<ScimUserRecord> All();

    /// <summary>
    /// Replaces a user; throws <see cref="DuplicateUserNameException"/> on a taken user name (nothing changes then);
    /// false when gone. In the same transaction, the <c>display</c> of the user's memberships follows a new name, and
    /// the outbox records <see cref="ProvisioningEvent.ForUpdate"/>.
    /// </summary>
    bool Update(ScimUserRecord user);

    /// <summary>
    /// As <see cref="Update(ScimUserRecord)"/>, only if the stored version is still <paramref name="expectedVersion"/>
    /// (the version the caller read), checked in the same transaction; throws
    /// <see cref="Storage.ScimVersionConflictException"/> otherwise (nothing changes then). Writers on other nodes
    /// (which the in-process write lock does not reach) cannot lose each other's changes.
    /// </summary>
    bool Update(ScimUserRecord user, long expectedVersion);

    /// <summary>
    /// Deletes a user; false when there was none. In the same transaction, the user's memberships go, each group they
    /// left gets a new version and <paramref name="modified"/> as its modification time, and the outbox records
    /// <see cref="ProvisioningEventKind.Deleted"/>.
    /// </summary>
    bool Delete(string id, DateTime modified);

    /// <summary>How many users there are.</summary>
    int Count();
}
