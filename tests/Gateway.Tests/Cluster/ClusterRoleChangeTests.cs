using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// Issue #13: a role change made on one node is enforced by every other node's validation cache within 1 s. The
/// token is first used on every node (so nodes 1 and 2 answer from their caches with the old role), the role is
/// changed on node 0, and one second later nodes 1 and 2 must answer an admin-only endpoint (<c>/api/service-users</c>)
/// with the new role: 403 after a demotion, 200 after a promotion. Covers every way the product changes a role: the
/// service-user API, SCIM <c>roles</c>, and membership of a group that <c>Scim:RoleGroups</c> maps to Admin.
/// </summary>
public sealed class ClusterRoleChangeTests(RoleChangeCluster cluster) : IClassFixture<RoleChangeCluster>
{
    private const string AdminOnly = "/api/service-users";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    [PostgreSqlFact]
    public async Task A_service_user_demoted_and_promoted_on_one_node_is_seen_by_the_others_after_one_second()
    {
        await cluster.WaitUntilAllListenAsync();
        var admin = await cluster.IssueServiceTokenAsync("Role Admin", "admin");
        var subject = await cluster.IssueServiceTokenAsync("Role Subject", "subject", role: "Admin");
        var subjectId = await ServiceUserIdAsync(admin, "Role Subject");
        await ExpectOnEveryNodeAsync(subject, HttpStatusCode.OK);

        await ChangeServiceUserRoleAsync(admin, subjectId, "Member");
        await Task.Delay(Bound);
        await ExpectOnOtherNodesAsync(subject, HttpStatusCode.Forbidden, "the demotion to Member");

        await ChangeServiceUserRoleAsync(admin, subjectId, "Admin");
        await Task.Delay(Bound);
        await ExpectOnOtherNodesAsync(subject, HttpStatusCode.OK, "the promotion to Admin");
    }

    [PostgreSqlFact]
    public async Task A_person_demoted_and_promoted_through_scim_roles_on_one_node_is_seen_by_the_others_after_one_second()
    {
        var (scimToken, userId, personal) = await ScimPersonAsync("roles", roles: ["Admin"]);
        await ExpectOnEveryNodeAsync(personal, HttpStatusCode.OK);

        await PatchUserRolesAsync(scimToken, userId, "Member");
        await Task.Delay(Bound);
        await ExpectOnOtherNodesAsync(personal, HttpStatusCode.Forbidden, "the SCIM roles change to Member");

        await PatchUserRolesAsync(scimToken, userId, "Admin");
        await Task.Delay(Bound);
        await ExpectOnOtherNodesAsync(personal, HttpStatusCode.OK, "the SCIM roles change to Admin");
    }

    [PostgreSqlFact]
    public async Task A_person_added_to_and_removed_from_the_admin_group_on_one_node_is_seen_by_the_others_after_one_second()
    {
        var (scimToken, userId, personal) = await ScimPersonAsync("group", roles: []);
        using var scim = cluster.Client(0, scimToken);
        using var created = await scim.PostAsync("/api/scim/v2/Groups", ClusterRevocationTests.ScimJson(new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" },
            displayName = RoleChangeCluster.AdminGroup,
        }));
        var groupId = (await created.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await ExpectOnEveryNodeAsync(personal, HttpStatusCode.Forbidden);

        await PatchGroupAsync(scim, groupId, new { op = "add", path = "members", value = new[] { new { value = userId } } });
        await Task.Delay(Bound);
        await ExpectOnOtherNodesAsync(personal, HttpStatusCode.OK, "the member add to the admin group");

        await PatchGroupAsync(scim, groupId, new { op = "remove", path = $"members[value eq \"{userId}\"]" });
        await Task.Delay(Bound);
        await ExpectOnOtherNodesAsync(personal, HttpStatusCode.Forbidden, "the member removal from the admin group");
    }

    /// <summary>
    /// A SCIM user with a personal token, and another admin person (added on the command line) so that demoting this
    /// one is not refused as the last admin's demotion.
    /// </summary>
    private async Task<(string ScimToken, string UserId, string Personal)> ScimPersonAsync(string label, string[] roles)
    {
        await cluster.WaitUntilAllListenAsync();
        await cluster.CliAsync("users", "add", "--user-name", $"keeper-{label}-{Guid.NewGuid():N}", "--role", "Admin");
        var scimToken = await cluster.IssueServiceTokenAsync($"Role Okta {label}", "okta", scim: true);
        var userName = $"role-{label}-{Guid.NewGuid():N}@example.com";
        using var scim = cluster.Client(0, scimToken);
        using var created = await scim.PostAsync("/api/scim/v2/Users", ClusterRevocationTests.ScimJson(new
        {
            schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
            userName,
            name = new { givenName = "Role", familyName = "Change" },
            emails = new[] { new { value = userName, type = "work", primary = true } },
            roles = roles.Select(r => new { value = r, primary = true }).ToArray(),
            active = true,
        }));
        var userId = (await created.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var personal = await cluster.CliAsync("tokens", "issue", "--user", userName, "--name", "laptop", "--expires-in-days", "30");
        return (scimToken, userId, personal);
    }

    private async Task<string> ServiceUserIdAsync(string admin, string name)
    {
        using var client = cluster.Client(0, admin);
        using var list = await client.GetAsync($"{AdminOnly}?search={Uri.EscapeDataString(name)}");
        return (await list.ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(u => u.GetProperty("name").GetString() == name)
            .GetProperty("id").GetString()!;
    }

    private async Task ChangeServiceUserRoleAsync(string admin, string serviceUserId, string role)
    {
        using var client = cluster.Client(0, admin);
        using var response = await client.PatchAsJsonAsync($"{AdminOnly}/{serviceUserId}", new { role });
        var body = await response.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(role, body.GetProperty("role").GetString());
    }

    private async Task PatchUserRolesAsync(string scimToken, string userId, string role)
    {
        using var scim = cluster.Client(0, scimToken);
        using var response = await scim.PatchAsync($"/api/scim/v2/Users/{userId}", ClusterRevocationTests.ScimJson(new
        {
            schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" },
            Operations = new[] { new { op = "replace", path = "roles", value = new[] { new { value = role, primary = true } } } },
        }));
        var body = await response.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(role, body.GetProperty("roles").EnumerateArray().Single().GetProperty("value").GetString());
    }

    private static async Task PatchGroupAsync(HttpClient scim, string groupId, object operation)
    {
        using var response = await scim.PatchAsync($"/api/scim/v2/Groups/{groupId}", ClusterRevocationTests.ScimJson(new
        {
            schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" },
            Operations = new[] { operation },
        }));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NoContent,
            $"group PATCH: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task ExpectOnEveryNodeAsync(string token, HttpStatusCode expected)
    {
        for (var node = 0; node < GatewayCluster.NodeCount; node++)
        {
            Assert.True(expected == await AdminOnlyStatusAsync(node, token), $"node {node} did not answer {expected} before the change");
        }
    }

    private async Task ExpectOnOtherNodesAsync(string token, HttpStatusCode expected, string change)
    {
        for (var node = 1; node < GatewayCluster.NodeCount; node++)
        {
            var status = await AdminOnlyStatusAsync(node, token);
            Assert.True(expected == status, $"node {node} answered {(int)status}, not {(int)expected}, one second after {change} on node 0");
        }
    }

    private async Task<HttpStatusCode> AdminOnlyStatusAsync(int node, string token)
    {
        using var client = cluster.Client(node, token);
        using var response = await client.GetAsync(AdminOnly);
        return response.StatusCode;
    }
}
