namespace ScimGateway.Scim.Users;

/// <summary>
/// Told about changes to users, so that other modules (token validation) can react at once. The host registers
/// implementations; the SCIM module knows nothing of them.
/// </summary>
public interface IScimUserListener
{
    /// <summary>A user's attributes changed (active, roles, name).</summary>
    void UserChanged(string userId);

    /// <summary>A user was deleted.</summary>
    void UserDeleted(string userId);
}
