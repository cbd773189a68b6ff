namespace ScimGateway.Scim.Users;

/// <summary>Where SCIM users are kept.</summary>
public interface IScimUserStore
{
    /// <summary>Adds a user; throws <see cref="DuplicateUserNameException"/> when the user name is taken.</summary>
    void Insert(ScimUserRecord user);

    /// <summary>Finds a user by id.</summary>
    ScimUserRecord? FindById(string id);

    /// <summary>Finds a user by user name, case-insensitively.</summary>
    ScimUserRecord? FindByUserName(string userName);

    /// <summary>Replaces a user; throws <see cref="DuplicateUserNameException"/> on a taken user name; false when gone.</summary>
    bool Update(ScimUserRecord user);

    /// <summary>Deletes a user; false when there was none.</summary>
    bool Delete(string id);

    /// <summary>How many users there are.</summary>
    int Count();
}
