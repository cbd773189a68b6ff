namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// A <see cref="GatewayCluster"/> whose SCIM may grant Admin, through <c>roles</c> and through members of the group
/// <see cref="AdminGroup"/>, so a role change over SCIM can promote and demote.
/// </summary>
public sealed class RoleChangeCluster() : GatewayCluster(new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["Scim__AllowAdminRoleFromScim"] = "true",
    [$"Scim__RoleGroups__{AdminGroup}"] = "Admin",
})
{
    /// <summary>The display name of the group that <c>Scim:RoleGroups</c> maps to Admin.</summary>
    public const string AdminGroup = "ClusterAdmins";
}
