using Microsoft.Extensions.Options;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Roles;

/// <summary>
/// A user's role names: the values of their <c>roles</c> attribute plus the roles that <c>Scim:RoleGroups</c> maps
/// their direct group memberships to. The gateway takes the highest.
/// </summary>
public sealed class ScimEffectiveRoles(IScimGroupStore groups, IOptions<ScimOptions> options)
{
    /// <summary>The role names of a user.</summary>
    public IReadOnlyList<string> For(ScimUserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var settings = options.Value;
        if (settings.RoleGroups.Count == 0)
        {
            return user.Roles;
        }

        var roles = new List<string>(user.Roles);
        foreach (var membership in groups.GroupsOf(user.Id))
        {
            if (groups.FindById(membership.GroupId) is { } group && settings.RoleFor(group.DisplayName) is { } role)
            {
                roles.Add(role);
            }
        }

        return roles;
    }
}
