using ScimGateway.Scim.Users;

namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>What SCIM changes do to people's personal tokens and roles, seen through HTTP with those tokens.</summary>
public sealed class PeopleAndTokensTests : IClassFixture<ScimFixture>
{
    private readonly ScimFixture _fixture;

    public PeopleAndTokensTests(ScimFixture fixture) => _fixture = fixture;

    private ScimClient Scim => _fixture.Scim;

    [Fact]
    public async Task Deactivate_PersonalTokenRejectedAtNextRequest_ReactivateRestores()
    {
        var (id, client) = await PersonWithTokenAsync("people.deactivate@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/user-tokens")).StatusCode);

        await Scim.PatchThenGetAsync($"/Users/{id}", ScimClient.PatchBody("""{"op":"replace","value":{"active":false}}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/user-tokens")).StatusCode);

        await Scim.PatchThenGetAsync($"/Users/{id}", ScimClient.PatchBody("""{"op":"Replace","path":"active","value":"True"}"""));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/user-tokens")).StatusCode);

        var put = """{"userName":"people.deactivate@example.com","active":false}""";
        await (await Scim.PutAsync($"/Users/{id}", put)).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/user-tokens")).StatusCode);

        // A PUT that omits active keeps the person deactivated.
        var withoutActive = await (await Scim.PutAsync($"/Users/{id}", """{"userName":"people.deactivate@example.com","title":"x"}""")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.False(withoutActive.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task DeleteUser_TokenRejectedAndDeleted()
    {
        var (id, client) = await PersonWithTokenAsync("people.delete@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/user-tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Scim.DeleteAsync($"/Users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/user-tokens")).StatusCode);
        var tokens = _fixture.Factory.Service<ScimGateway.Tokens.Storage.ITokenStore>();
        Assert.Empty(tokens.ListByOwner(id));
    }

    [Fact]
    public async Task RoleGroup_AddingMemberMakesAdminAtNextRequest_RemovingRevokes()
    {
        var (id, client) = await PersonWithTokenAsync("people.role@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
        _fixture.Factory.AddUser("people.cli-admin", ScimGateway.Tokens.Role.Admin); // so this person is never the last admin

        var group = await Scim.CreateGroupAsync("Qualytics Admins");
        var add = ScimClient.PatchBody($$"""{"op":"add","path":"members","value":[{"value":"{{id}}"}]}""");
        Assert.Equal(HttpStatusCode.NoContent, (await Scim.PatchAsync($"/Groups/{group.Str("id")}", add)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);

        var rename = ScimClient.PatchBody($$"""{"op":"replace","value":{"id":"{{group.Str("id")}}","displayName":"Former Admins"} }""");
        Assert.Equal(HttpStatusCode.NoContent, (await Scim.PatchAsync($"/Groups/{group.Str("id")}", rename)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);

        var back = ScimClient.PatchBody("""{"op":"replace","path":"displayName","value":"qualytics admins"}""");
        Assert.Equal(HttpStatusCode.NoContent, (await Scim.PatchAsync($"/Groups/{group.Str("id")}", back)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Scim.DeleteAsync($"/Groups/{group.Str("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task RolesAttribute_AdminRoleMakesAdmin()
    {
        var (id, client) = await PersonWithTokenAsync("people.roles@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);
        var patch = ScimClient.PatchBody("""{"op":"add","path":"roles","value":[{"value":"Admin"}]}""");
        await Scim.PatchThenGetAsync($"/Users/{id}", patch);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);
    }

    private async Task<(string Id, HttpClient Client)> PersonWithTokenAsync(string userName)
    {
        var id = (await Scim.CreateUserAsync(userName)).Str("id");
        var record = _fixture.Factory.Service<IScimUserStore>().FindById(id)!;
        return (id, _fixture.Factory.ClientWithToken(_fixture.Factory.IssuePersonalToken(record)));
    }
}
