using Microsoft.Extensions.Options;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Roles;

/// <summary>
/// A user's role names: the values of their <c>roles</c> attribute plus the roles that <c>Scim:RoleGroups</c> maps
/// their direct group memberships to. The gateway takes the highest.
/// </summary>
/// <remarks>
/// Two rules keep provisioning from handing out or taking away administration: a person added on the command line
/// (<see cref="ScimUserRecord.Local"/>) has exactly the role given there, whatever groups SCIM puts them in; and
/// unless <see cref="ScimOptions.AllowAdminRoleFromScim"/> is set, <see cref="Admin"/> from a provisioned person's
/// <c>roles</c> or groups is not honoured (their next-highest role applies).
/// </remarks>
public sealed class ScimEffectiveRoles(IScimGroupStore groups, IOptions<ScimOptions> options)
{
    /// <summary>The name of the gateway's highest role.</summary>
    public const string Admin = "Admin";

    /// <summary>The role names of a user.</summary>
    public IReadOnlyList<string> For(ScimUserRecord user) => For(user, exceptGroupId: null);

    /// <summary>
    /// The role names of a user as if they were not a member of <paramref name="exceptGroupId"/> (a group about to
    /// lose them, be deleted or be renamed out of its mapping).
    /// </summary>
    public IReadOnlyList<string> For(ScimUserRecord user, string? exceptGroupId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Local)
        {
            return user.Roles;
        }

        var settings = options.Value;
        var roles = new List<string>(user.Roles);
        if (settings.RoleGroups.Count > 0)
        {
            foreach (var membership in groups.GroupsOf(user.Id))
            {
                if (membership.GroupId != exceptGroupId
                    && groups.FindById(membership.GroupId) is { } group && settings.RoleFor(group.DisplayName) is { } role)
                {
                    roles.Add(role);
                }
            }
        }

        if (!settings.AllowAdminRoleFromScim)
        {
            roles.RemoveAll(IsAdmin);
        }

        return roles;
    }

    /// <summary>Whether the user is active and an admin (optionally ignoring one group membership).</summary>
    public bool IsActiveAdmin(ScimUserRecord user, string? exceptGroupId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Active && For(user, exceptGroupId).Any(IsAdmin);
    }

    /// <summary>
    /// Whether a role name is or contains <see cref="Admin"/>: case-insensitive, trimmed, and any part of a
    /// comma-separated value, as lenient as the gateway's own reading of role names.
    /// </summary>
    public static bool IsAdmin(string? role) =>
        role is not null && role.Split(',').Any(part => string.Equals(part.Trim(), Admin, StringComparison.OrdinalIgnoreCase));
}
