using System.Text.Json;

namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>Microsoft Entra ID's provisioning traffic (SCIM-COMPAT.md), with and without aadOptscim062020.</summary>
public sealed class EntraTests : IClassFixture<ScimFixture>
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private readonly ScimClient _scim;

    public EntraTests(ScimFixture fixture) => _scim = fixture.Scim;

    [Fact]
    public async Task TestConnection_RandomGuidOnMatchingAttribute_EmptyList()
    {
        var list = await (await _scim.GetAsync($"/Users?filter=userName+eq+%22{Guid.NewGuid()}%22")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.Total());
        var unquoted = await (await _scim.GetAsync($"/Users?filter=externalId+eq+{Guid.NewGuid()}")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(0, unquoted.Total());
    }

    [Fact]
    public async Task Create_EntraBodyWithMetaNullsRolesAndStringTrue_Created()
    {
        var body = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{Enterprise}}"],
             "externalId":"e-{{Guid.NewGuid():N}}","userName":"entra.create@example.com","active":"True",
             "addresses":null,"displayName":"Entra Create","roles":[],"meta":{"resourceType":"User"},
             "emails":[{"Primary":true,"type":"work","value":"entra.create@example.com"}],
             "name":{"formatted":"Entra Create","familyName":"Create","givenName":"Entra"},
             "{{Enterprise}}":{"department":"R&D","manager":null} }
            """;
        var user = await (await _scim.PostAsync("/Users", body)).ExpectScimAsync(HttpStatusCode.Created);
        Assert.True(user.GetProperty("active").GetBoolean());
        Assert.False(user.TryGetProperty("addresses", out _));
        Assert.False(user.TryGetProperty("roles", out _));
        Assert.True(user.GetProperty("emails")[0].GetProperty("primary").GetBoolean());
        Assert.Equal("R&D", user.GetProperty(Enterprise).Str("department"));
        Assert.True(DateTimeOffset.TryParse(user.GetProperty("meta").Str("created"), out _));

        var byWorkEmail = await (await _scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("emails[type eq \"work\"].value eq \"entra.create@example.com\""))).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(user.Str("id"), byWorkEmail.Resources().Single().Str("id"));
    }

    [Fact]
    public async Task Patch_CapitalisedOpsAndStringFalse_Deactivates()
    {
        var user = await _scim.CreateUserAsync("entra.false@example.com");
        var patch = ScimClient.PatchBody("""{"op":"Replace","path":"active","value":"False"}""");
        var patched = await _scim.PatchThenGetAsync($"/Users/{user.Str("id")}", patch);
        Assert.False(patched.GetProperty("active").GetBoolean());
        var read = await (await _scim.GetAsync($"/Users/{user.Str("id")}")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.False(read.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Patch_EntraRemoveMembersWithValue_RemovesOnlyThose()
    {
        var a = await _scim.CreateUserAsync("entra.m1@example.com");
        var b = await _scim.CreateUserAsync("entra.m2@example.com");
        var c = await _scim.CreateUserAsync("entra.m3@example.com");
        var group = await _scim.CreateGroupAsync("Entra Members", a.Str("id"), b.Str("id"), c.Str("id"));
        var remove = ScimClient.PatchBody($$"""{"op":"Remove","path":"members","value":[{"value":"{{a.Str("id")}}"}]}""");
        var response = await _scim.PatchAsync($"/Groups/{group.Str("id")}", remove);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        // Entra then re-adds every existing member: a no-op.
        var readd = ScimClient.PatchBody($$"""{"op":"Add","path":"members","value":[{"value":"{{b.Str("id")}}"},{"value":"{{c.Str("id")}}"}]}""");
        Assert.Equal(HttpStatusCode.NoContent, (await _scim.PatchAsync($"/Groups/{group.Str("id")}", readd)).StatusCode);

        var read = await (await _scim.GetAsync($"/Groups/{group.Str("id")}")).ExpectScimAsync(HttpStatusCode.OK);
        var members = read.GetProperty("members").EnumerateArray().Select(m => m.Str("value")).Order().ToList();
        Assert.Equal(new[] { b.Str("id"), c.Str("id") }.Order().ToList(), members);
    }

    [Fact]
    public async Task Patch_WorkEmailReplaceOnUserWithoutOne_CreatesIt()
    {
        var body = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"entra.noemail"}""";
        var user = await (await _scim.PostAsync("/Users", body)).ExpectScimAsync(HttpStatusCode.Created);
        var patch = ScimClient.PatchBody("""{"op":"Replace","path":"emails[type eq \"work\"].value","value":"work@example.com"}""");
        var patched = await _scim.PatchThenGetAsync($"/Users/{user.Str("id")}", patch);
        var email = patched.GetProperty("emails").EnumerateArray().Single();
        Assert.Equal("work", email.Str("type"));
        Assert.Equal("work@example.com", email.Str("value"));
    }

    [Fact]
    public async Task Patch_ManagerAddReplaceClear_FollowsEntra()
    {
        var boss = await _scim.CreateUserAsync("entra.boss@example.com", "\"displayName\":\"The Boss\"");
        var other = await _scim.CreateUserAsync("entra.boss2@example.com");
        var user = await _scim.CreateUserAsync("entra.report@example.com");
        var id = user.Str("id");

        var add = ScimClient.PatchBody($$"""{"op":"Add","path":"manager","value":[{"$ref":"../Users/{{boss.Str("id")}}","value":"{{boss.Str("id")}}"}]}""");
        var added = await _scim.PatchThenGetAsync($"/Users/{id}", add);
        Assert.Equal(boss.Str("id"), added.GetProperty(Enterprise).GetProperty("manager").Str("value"));
        Assert.Equal("The Boss", added.GetProperty(Enterprise).GetProperty("manager").Str("displayName"));

        var check = await (await _scim.GetAsync($"/Users?filter={Uri.EscapeDataString($"id eq \"{id}\" and manager eq \"{boss.Str("id")}\"")}&attributes=id")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(1, check.Total());
        Assert.False(check.Resources()[0].TryGetProperty("userName", out _));

        var replace = ScimClient.PatchBody($$"""{"op":"replace","path":"{{Enterprise}}:manager","value":"{{other.Str("id")}}"}""");
        var replaced = await _scim.PatchThenGetAsync($"/Users/{id}", replace);
        Assert.Equal(other.Str("id"), replaced.GetProperty(Enterprise).GetProperty("manager").Str("value"));

        var clear = ScimClient.PatchBody("""{"op":"Replace","path":"manager","value":null}""");
        var cleared = await _scim.PatchThenGetAsync($"/Users/{id}", clear);
        Assert.False(cleared.TryGetProperty(Enterprise, out _));
    }

    [Fact]
    public async Task Patch_NullsEmptyStringsAndEmptyOperations_ClearOrNoOp()
    {
        var user = await _scim.CreateUserAsync("entra.nulls@example.com", "\"title\":\"Engineer\",\"nickName\":\"Nick\"");
        var id = user.Str("id");
        var empty = await _scim.PatchThenGetAsync($"/Users/{id}", ScimClient.PatchBody());
        Assert.Equal(user.GetProperty("meta").Str("version"), empty.GetProperty("meta").Str("version"));

        var clear = ScimClient.PatchBody("""{"op":"Replace","path":"title","value":""}""", """{"op":"Replace","path":"nickName","value":null}""");
        var cleared = await _scim.PatchThenGetAsync($"/Users/{id}", clear);
        Assert.False(cleared.TryGetProperty("title", out _));
        Assert.False(cleared.TryGetProperty("nickName", out _));
    }

    [Fact]
    public async Task Patch_DottedAndUrnKeysWithoutPath_Applied()
    {
        var user = await _scim.CreateUserAsync("entra.dotted@example.com");
        var patch = ScimClient.PatchBody($$"""{"op":"replace","value":{"name.givenName":"Dotty","{{Enterprise}}:employeeNumber":"42","active":false} }""");
        var patched = await _scim.PatchThenGetAsync($"/Users/{user.Str("id")}", patch);
        Assert.Equal("Dotty", patched.GetProperty("name").Str("givenName"));
        Assert.Equal("Family", patched.GetProperty("name").Str("familyName"));
        Assert.Equal("42", patched.GetProperty(Enterprise).Str("employeeNumber"));
        Assert.Contains(Enterprise, patched.GetProperty("schemas").EnumerateArray().Select(s => s.GetString()));
        Assert.False(patched.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Groups_DisplayNameFilterWithExcludedMembers_NoMembersReturned()
    {
        var member = await _scim.CreateUserAsync("entra.gm@example.com");
        var body = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "externalId":"g-1","displayName":"Entra Group","meta":{"resourceType":"Group"},"members":[{"value":"{{member.Str("id")}}"}]}
            """;
        var group = await (await _scim.PostAsync("/Groups", body)).ExpectScimAsync(HttpStatusCode.Created);
        Assert.Single(group.GetProperty("members").EnumerateArray());

        var list = await (await _scim.GetAsync("/Groups?excludedAttributes=members&filter=" + Uri.EscapeDataString("displayName eq \"entra group\""))).ExpectScimAsync(HttpStatusCode.OK);
        var found = list.Resources().Single();
        Assert.Equal(group.Str("id"), found.Str("id"));
        Assert.Equal("Entra Group", found.Str("displayName"));
        Assert.False(found.TryGetProperty("members", out _));

        var byMember = await (await _scim.GetAsync("/Groups?filter=" + Uri.EscapeDataString($"members[value eq \"{member.Str("id")}\"]") + "&excludedAttributes=members")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(group.Str("id"), byMember.Resources().Single().Str("id"));

        var user = await (await _scim.GetAsync($"/Users/{member.Str("id")}")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("Entra Group", user.GetProperty("groups")[0].Str("display"));
    }
}
