using ScimGateway.Scim.Filtering;

namespace ScimGateway.Scim.Users;

/// <summary>Where SCIM users are kept.</summary>
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

    /// <summary>Replaces a user; throws <see cref="DuplicateUserNameException"/> on a taken user name; false when gone.</summary>
    bool Update(ScimUserRecord user);

    /// <summary>Deletes a user; false when there was none.</summary>
    bool Delete(string id);

    /// <summary>How many users there are.</summary>
    int Count();
}
