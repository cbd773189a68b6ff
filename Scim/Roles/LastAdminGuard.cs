using System.Net;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Roles;

/// <summary>
/// Provisioning never removes the last active admin: a deactivation, deletion or demotion (through <c>roles</c> or a
/// role-mapped group) that would leave no active admin person is refused with 409 and nothing changes. Only people
/// count; service users are managed by admins and cannot sign in.
/// </summary>
public sealed class LastAdminGuard(IScimUserStore users, ScimEffectiveRoles roles)
{
    /// <summary>
    /// Refuses the change when every active admin is in <paramref name="losing"/>. Scans people only when someone
    /// is about to lose administration, and stops at the first other admin.
    /// </summary>
    public void EnsureAnotherAdmin(IReadOnlyCollection<string> losing, string change)
    {
        ArgumentNullException.ThrowIfNull(losing);
        if (losing.Count == 0)
        {
            return;
        }

        foreach (var user in users.All())
        {
            if (!losing.Contains(user.Id) && roles.IsActiveAdmin(user))
            {
                return;
            }
        }

        var who = losing.Count == 1 ? $"user '{losing.First()}' is the last active admin" : "these users are the last active admins";
        throw new ScimException(HttpStatusCode.Conflict, null,
            $"Refused: {who}, and provisioning may not {change} them. Make another person an admin first.");
    }
}
