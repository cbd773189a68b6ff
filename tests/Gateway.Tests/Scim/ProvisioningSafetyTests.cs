using System.Text.Json;
using ScimGateway.Scim.Users;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>
/// Provisioning that would re-open access or take administration away: an absent or null <c>active</c>, changes to
/// people added on the command line, Admin granted through SCIM, and removing the last active admin.
/// </summary>
public sealed class ProvisioningSafetyTests
{
    public static TheoryData<string, bool> ActiveCleared
    {
        get
        {
            var data = new TheoryData<string, bool>();
            string[] operations =
            [
                """{"op":"remove","path":"active"}""",
                """{"op":"Remove","path":"active"}""",
                """{"op":"replace","path":"active","value":null}""",
                """{"op":"Replace","path":"active","value":""}""",
                """{"op":"add","path":"active","value":null}""",
                """{"op":"replace","value":{"active":null}}""",
                """{"op":"Replace","value":{"active":""}}""",
                """{"op":"replace","path":"urn:ietf:params:scim:schemas:core:2.0:User:active","value":null}""",
            ];
            foreach (var operation in operations)
            {
                data.Add(operation, false);
                data.Add(operation, true);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ActiveCleared))]
    public async Task PatchClearingActive_IsRefusedWithMutability_AndKeepsTheState(string operation, bool active)
    {
        using var fixture = new ScimFixture();
        var (id, client) = await PersonAsync(fixture, "clear.active@example.com", active);

        var error = await (await fixture.Scim.PatchAsync($"/Users/{id}", ScimClient.PatchBody(operation))).ExpectScimAsync(HttpStatusCode.BadRequest);
        Assert.Equal("mutability", error.Str("scimType"));
        await ExpectStateAsync(fixture, id, client, active);

        var bulk = BulkPatch($"/Users/{id}", ScimClient.PatchBody(operation));
        var result = (await (await fixture.Scim.PostAsync("/Bulk", bulk)).ExpectScimAsync(HttpStatusCode.OK)).GetProperty("Operations")[0];
        Assert.Equal("400", result.Str("status"));
        Assert.Equal("mutability", result.GetProperty("response").Str("scimType"));
        await ExpectStateAsync(fixture, id, client, active);
    }

    [Fact]
    public async Task PatchRemovingThenSettingActive_AppliesTheExplicitValue()
    {
        using var fixture = new ScimFixture();
        var (id, client) = await PersonAsync(fixture, "explicit.active@example.com", active: false);
        var patch = ScimClient.PatchBody("""{"op":"remove","path":"active"}""", """{"op":"add","path":"active","value":false}""");
        await (await fixture.Scim.PatchAsync($"/Users/{id}", patch)).ExpectScimAsync(HttpStatusCode.OK);
        await ExpectStateAsync(fixture, id, client, active: false);
    }

    [Fact]
    public async Task DeactivatedPerson_PutWithoutActiveOrPostWithActiveNull_StaysRejected()
    {
        using var fixture = new ScimFixture();
        var (id, client) = await PersonAsync(fixture, "stays.off@example.com", active: false);

        await (await fixture.Scim.PutAsync($"/Users/{id}", """{"userName":"stays.off@example.com","title":"t"}""")).ExpectScimAsync(HttpStatusCode.OK);
        await ExpectStateAsync(fixture, id, client, active: false);

        var post = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"STAYS.OFF@example.com","active":null}""";
        await (await fixture.Scim.PostAsync("/Users", post)).ExpectScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        await ExpectStateAsync(fixture, id, client, active: false);
    }

    [Fact]
    public async Task LocalPerson_CannotBeChangedOrDeletedThroughScim()
    {
        using var fixture = new ScimFixture();
        var local = fixture.Factory.AddUser("local.admin", Role.Admin);
        var client = fixture.Factory.ClientWithToken(fixture.Factory.IssuePersonalToken(local));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);

        var deactivate = ScimClient.PatchBody("""{"op":"replace","value":{"active":false}}""");
        await (await fixture.Scim.PatchAsync($"/Users/{local.Id}", deactivate)).ExpectScimErrorAsync(HttpStatusCode.Forbidden);
        await (await fixture.Scim.PutAsync($"/Users/{local.Id}", """{"userName":"local.admin","active":false,"roles":[]}""")).ExpectScimErrorAsync(HttpStatusCode.Forbidden);
        await (await fixture.Scim.DeleteAsync($"/Users/{local.Id}")).ExpectScimErrorAsync(HttpStatusCode.Forbidden);
        var bulk = await (await fixture.Scim.PostAsync("/Bulk", BulkPatch($"/Users/{local.Id}", deactivate))).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("403", bulk.GetProperty("Operations")[0].Str("status"));

        // SCIM may read them, and its groups neither add to nor take from the role given on the command line.
        var read = await (await fixture.Scim.GetAsync($"/Users/{local.Id}")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.True(read.GetProperty("active").GetBoolean());
        var admins = await fixture.Scim.CreateGroupAsync("Qualytics Admins", local.Id);
        var remove = ScimClient.PatchBody($$"""{"op":"remove","path":"members[value eq \"{{local.Id}}\"]"}""");
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Scim.PatchAsync($"/Groups/{admins.Str("id")}", remove)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Scim.DeleteAsync($"/Groups/{admins.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);

        var member = fixture.Factory.AddUser("local.member");
        var memberClient = fixture.Factory.ClientWithToken(fixture.Factory.IssuePersonalToken(member));
        await fixture.Scim.CreateGroupAsync("qualytics admins", member.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberClient.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task AdminRoleFromScim_ByDefault_IsNotHonoured()
    {
        using var factory = new GatewayFactory().WithSetting("Scim:RoleGroups:Qualytics Managers", "Manager");
        var scim = new ScimClient(factory.ClientWithToken(factory.IssueServiceToken("okta", Role.Admin, scim: true)));
        foreach (var role in new[] { "Admin", "admin", " Admin ", "Member,Admin" })
        {
            var user = await scim.CreateUserAsync($"not.admin.{Guid.NewGuid():N}@example.com", $$"""
                "roles":[{"value":{{JsonSerializer.Serialize(role)}}}]
                """);
            var client = factory.ClientWithToken(factory.IssuePersonalToken(factory.Service<IScimUserStore>().FindById(user.Str("id"))!));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
        }
    }

    [Fact]
    public void AdminRoleGroupMapping_WithoutAllowAdminRoleFromScim_StartFails()
    {
        using var factory = new GatewayFactory().WithSetting("Scim:RoleGroups:Qualytics Admins", "Admin");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Scim:AllowAdminRoleFromScim", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastActiveAdmin_CannotBeDeactivatedDeletedOrDemotedByProvisioning()
    {
        using var fixture = new ScimFixture();
        var scim = fixture.Scim;
        var (id, client) = await PersonAsync(fixture, "only.admin@example.com", active: true, """ "roles":[{"value":"Admin"}] """);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);

        await (await scim.PatchAsync($"/Users/{id}", ScimClient.PatchBody("""{"op":"replace","path":"active","value":false}"""))).ExpectScimErrorAsync(HttpStatusCode.Conflict);
        await (await scim.PatchAsync($"/Users/{id}", ScimClient.PatchBody("""{"op":"remove","path":"roles"}"""))).ExpectScimErrorAsync(HttpStatusCode.Conflict);
        await (await scim.PutAsync($"/Users/{id}", """{"userName":"only.admin@example.com","active":true}""")).ExpectScimErrorAsync(HttpStatusCode.Conflict);
        await (await scim.DeleteAsync($"/Users/{id}")).ExpectScimErrorAsync(HttpStatusCode.Conflict);
        var bulk = await (await scim.PostAsync("/Bulk", """{"Operations":[{"method":"DELETE","path":"/Users/ID"}]}""".Replace("ID", id, StringComparison.Ordinal))).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("409", bulk.GetProperty("Operations")[0].Str("status"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);

        // With a second admin, the first can go.
        await PersonAsync(fixture, "second.admin@example.com", active: true, """ "roles":[{"value":"Admin"}] """);
        await (await scim.PatchAsync($"/Users/{id}", ScimClient.PatchBody("""{"op":"replace","path":"active","value":false}"""))).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task LastActiveAdminThroughAGroup_CannotBeRemovedRenamedAwayOrDeleted()
    {
        using var fixture = new ScimFixture();
        var scim = fixture.Scim;
        var (id, client) = await PersonAsync(fixture, "group.admin@example.com", active: true);
        var group = (await scim.CreateGroupAsync("Qualytics Admins", id)).Str("id");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);

        await (await scim.PatchAsync($"/Groups/{group}", ScimClient.PatchBody($$"""{"op":"remove","path":"members[value eq \"{{id}}\"]"}"""))).ExpectScimErrorAsync(HttpStatusCode.Conflict);
        await (await scim.PatchAsync($"/Groups/{group}", ScimClient.PatchBody("""{"op":"replace","path":"members","value":[]}"""))).ExpectScimErrorAsync(HttpStatusCode.Conflict);
        await (await scim.PatchAsync($"/Groups/{group}", ScimClient.PatchBody("""{"op":"replace","path":"displayName","value":"Former Admins"}"""))).ExpectScimErrorAsync(HttpStatusCode.Conflict);
        await (await scim.PutAsync($"/Groups/{group}", """{"displayName":"Qualytics Admins","members":[]}""")).ExpectScimErrorAsync(HttpStatusCode.Conflict);
        await (await scim.DeleteAsync($"/Groups/{group}")).ExpectScimErrorAsync(HttpStatusCode.Conflict);
        await (await scim.PatchAsync($"/Users/{id}", ScimClient.PatchBody("""{"op":"replace","value":{"active":false}}"""))).ExpectScimErrorAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);

        fixture.Factory.AddUser("cli.admin", Role.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"/Groups/{group}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
    }

    private static async Task<(string Id, HttpClient Client)> PersonAsync(ScimFixture fixture, string userName, bool active, string? extra = null)
    {
        var id = (await fixture.Scim.CreateUserAsync(userName, extra)).Str("id");
        var record = fixture.Factory.Service<IScimUserStore>().FindById(id)!;
        var client = fixture.Factory.ClientWithToken(fixture.Factory.IssuePersonalToken(record));
        if (!active)
        {
            var off = ScimClient.PatchBody("""{"op":"replace","path":"active","value":false}""");
            await (await fixture.Scim.PatchAsync($"/Users/{id}", off)).ExpectScimAsync(HttpStatusCode.OK);
        }

        return (id, client);
    }

    private static async Task ExpectStateAsync(ScimFixture fixture, string id, HttpClient client, bool active)
    {
        var user = await (await fixture.Scim.GetAsync($"/Users/{id}")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(active, user.GetProperty("active").GetBoolean());
        Assert.Equal(active, fixture.Factory.Service<IScimUserStore>().FindById(id)!.Active);
        Assert.Equal(active ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, (await client.GetAsync("/api/user-tokens")).StatusCode);
    }

    private static string BulkPatch(string path, string patchBody) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{"method":"PATCH","path":"{{path}}","data":{{patchBody}}}]}""";
}
