using System.Text.Json;
using ScimGateway.Scim.Groups;

namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>
/// The gaps the public conformance suites (scim2-tester, scim-sanity) found (issues #12 and #17): <c>count=0</c>,
/// empty lists, schema-URN PATCH paths, and group members' <c>type</c> and <c>display</c>.
/// </summary>
public sealed class ConformanceTests : IClassFixture<ScimFixture>
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string CoreUser = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string CoreGroup = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private readonly ScimFixture _fixture;
    private readonly ScimClient _scim;

    public ConformanceTests(ScimFixture fixture)
    {
        _fixture = fixture;
        _scim = fixture.Scim;
    }

    [Theory]
    [InlineData("GET", "/Users?count=0")]
    [InlineData("GET", "/Groups?count=0")]
    [InlineData("GET", "/Users?count=0&filter=userName%20sw%20%22conf.count%22")]
    [InlineData("POST", "/Users/.search")]
    [InlineData("POST", "/Groups/.search")]
    [InlineData("POST", "/.search")]
    public async Task CountZero_TotalsAndPagingWithoutResources(string method, string path)
    {
        var unique = Guid.NewGuid().ToString("N");
        await _scim.CreateUserAsync($"conf.count.a.{unique}@example.com");
        await _scim.CreateUserAsync($"conf.count.b.{unique}@example.com");
        await _scim.CreateGroupAsync("conf-count-group-" + unique);
        var response = method == "GET" ? await _scim.GetAsync(path) : await _scim.PostAsync(path, """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"count":0}""");
        var list = await response.ExpectScimAsync(HttpStatusCode.OK);
        Assert.True(list.Total() >= 1, list.ToString());
        Assert.Equal(0, list.GetProperty("itemsPerPage").GetInt32());
        Assert.Equal(1, list.GetProperty("startIndex").GetInt32());
        Assert.Equal(JsonValueKind.Array, list.GetProperty("Resources").ValueKind);
        Assert.Empty(list.Resources());
    }

    [Theory]
    [InlineData("/Users?filter=userName%20eq%20%22conf.nobody%40example.com%22")]
    [InlineData("/Groups?filter=displayName%20eq%20%22conf-no-such-group%22")]
    public async Task NoMatch_ListCarriesEmptyResources(string path)
    {
        var list = await (await _scim.GetAsync(path)).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.Total());
        Assert.Equal(JsonValueKind.Array, list.GetProperty("Resources").ValueKind);
        Assert.Empty(list.Resources());
    }

    [Fact]
    public async Task Patch_RemoveWholeEnterpriseExtension_ClearsItAndDropsUrn()
    {
        var user = await _scim.CreateUserAsync("conf.ext.remove@example.com", $$"""
            "{{Enterprise}}":{"employeeNumber":"7","department":"R&D"}
            """);
        Assert.Contains(Enterprise, Schemas(user));

        var read = await _scim.PatchThenGetAsync($"/Users/{user.Str("id")}", ScimClient.PatchBody($$"""{"op":"remove","path":"{{Enterprise}}"}"""));
        Assert.False(read.TryGetProperty(Enterprise, out _));
        Assert.DoesNotContain(Enterprise, Schemas(read));
        Assert.Equal("conf.ext.remove@example.com", read.Str("userName"));
    }

    [Fact]
    public async Task Patch_AddThenReplaceWholeEnterpriseExtension_MergesThenReplaces()
    {
        var user = await _scim.CreateUserAsync("conf.ext.add@example.com");
        var path = $"/Users/{user.Str("id")}";
        Assert.DoesNotContain(Enterprise, Schemas(user));

        var added = await _scim.PatchThenGetAsync(path, ScimClient.PatchBody($$"""{"op":"add","path":"{{Enterprise}}","value":{"employeeNumber":"1","costCenter":"C1"} }"""));
        Assert.Contains(Enterprise, Schemas(added));
        var merged = await _scim.PatchThenGetAsync(path, ScimClient.PatchBody($$"""{"op":"add","path":"{{Enterprise}}","value":{"division":"D1"} }"""));
        Assert.Equal("1", merged.GetProperty(Enterprise).Str("employeeNumber"));
        Assert.Equal("D1", merged.GetProperty(Enterprise).Str("division"));

        var replaced = await _scim.PatchThenGetAsync(path, ScimClient.PatchBody($$"""{"op":"replace","path":"{{Enterprise}}","value":{"organization":"Acme"} }"""));
        var extension = replaced.GetProperty(Enterprise);
        Assert.Equal("Acme", extension.Str("organization"));
        Assert.False(extension.TryGetProperty("employeeNumber", out _));
        Assert.False(extension.TryGetProperty("division", out _));
        Assert.Contains(Enterprise, Schemas(replaced));
    }

    [Fact]
    public async Task Patch_FullyQualifiedPaths_AddReplaceRemove()
    {
        var boss = await _scim.CreateUserAsync("conf.qualified.boss@example.com", "\"displayName\":\"Qualified Boss\"");
        var user = await _scim.CreateUserAsync("conf.qualified@example.com");
        var path = $"/Users/{user.Str("id")}";

        var set = await _scim.PatchThenGetAsync(path, ScimClient.PatchBody(
            $$"""{"op":"replace","path":"{{CoreUser}}:displayName","value":"Qualified"}""",
            $$"""{"op":"add","path":"{{Enterprise}}:manager.value","value":"{{boss.Str("id")}}"}""",
            $$"""{"op":"replace","path":"{{CoreUser}}:emails[type eq \"work\"].value","value":"conf.q2@example.com"}"""));
        Assert.Equal("Qualified", set.Str("displayName"));
        Assert.Equal(boss.Str("id"), set.GetProperty(Enterprise).GetProperty("manager").Str("value"));
        Assert.Equal("Qualified Boss", set.GetProperty(Enterprise).GetProperty("manager").Str("displayName"));
        Assert.Equal("conf.q2@example.com", set.GetProperty("emails")[0].Str("value"));

        var pathless = await _scim.PatchThenGetAsync(path, ScimClient.PatchBody(
            $$"""{"op":"replace","value":{"{{CoreUser}}:nickName":"Q","{{Enterprise}}:costCenter":"CC"} }"""));
        Assert.Equal("Q", pathless.Str("nickName"));
        Assert.Equal("CC", pathless.GetProperty(Enterprise).Str("costCenter"));

        var removed = await _scim.PatchThenGetAsync(path, ScimClient.PatchBody(
            $$"""{"op":"remove","path":"{{CoreUser}}:displayName"}""",
            $$"""{"op":"remove","path":"{{Enterprise}}:manager.value"}"""));
        Assert.False(removed.TryGetProperty("displayName", out _));
        Assert.False(removed.GetProperty(Enterprise).TryGetProperty("manager", out _));
    }

    [Fact]
    public async Task Patch_GroupQualifiedDisplayNameAndMembers_Applied()
    {
        var a = (await _scim.CreateUserAsync("conf.gq.a@example.com")).Str("id");
        var b = (await _scim.CreateUserAsync("conf.gq.b@example.com")).Str("id");
        var group = await _scim.CreateGroupAsync("conf-gq");
        var path = $"/Groups/{group.Str("id")}";

        await _scim.PatchThenGetAsync(path, ScimClient.PatchBody(
            $$"""{"op":"replace","path":"{{CoreGroup}}:displayName","value":"conf-gq-renamed"}""",
            $$"""{"op":"add","path":"{{CoreGroup}}:members","value":[{"value":"{{a}}"},{"value":"{{b}}"}]}""",
            $$"""{"op":"remove","path":"{{CoreGroup}}:members[value eq \"{{a}}\"]"}"""));
        var read = await _scim.PatchThenGetAsync(path, ScimClient.PatchBody(
            $$"""{"op":"add","value":{"{{CoreGroup}}:externalId":"ext-gq"} }"""));
        Assert.Equal("conf-gq-renamed", read.Str("displayName"));
        Assert.Equal("ext-gq", read.Str("externalId"));
        Assert.Equal([b], read.GetProperty("members").EnumerateArray().Select(m => m.Str("value")));
    }

    [Fact]
    public async Task NestedGroup_MemberTypeGroupAndDisplayForBoth()
    {
        var user = await _scim.CreateUserAsync("conf.nested@example.com", "\"displayName\":\"Nested Person\"");
        var bare = await (await _scim.PostAsync("/Users", """{"userName":"conf.nested.bare@example.com"}""")).ExpectScimAsync(HttpStatusCode.Created);
        var child = await _scim.CreateGroupAsync("conf-nested-child");
        var parent = await _scim.CreateGroupAsync("conf-nested-parent", user.Str("id"), child.Str("id"));
        await _scim.PatchThenGetAsync($"/Groups/{parent.Str("id")}", ScimClient.PatchBody(
            $$"""{"op":"add","path":"members","value":[{"value":"{{bare.Str("id")}}"}]}"""));

        var members = await MembersAsync(parent.Str("id"));
        var asGroup = members[child.Str("id")];
        Assert.Equal("Group", asGroup.Str("type"));
        Assert.Equal("conf-nested-child", asGroup.Str("display"));
        Assert.EndsWith($"/Groups/{child.Str("id")}", asGroup.Str("$ref"), StringComparison.Ordinal);
        Assert.Equal("User", members[user.Str("id")].Str("type"));
        Assert.Equal("Nested Person", members[user.Str("id")].Str("display"));
        Assert.Equal("conf.nested.bare@example.com", members[bare.Str("id")].Str("display")); // no displayName: userName

        // PUT of the group keeps the types as they are.
        var put = $$"""{"displayName":"conf-nested-parent","members":[{"value":"{{child.Str("id")}}"},{"value":"{{user.Str("id")}}"}]}""";
        await (await _scim.PutAsync($"/Groups/{parent.Str("id")}", put)).ExpectScimAsync(HttpStatusCode.OK);
        members = await MembersAsync(parent.Str("id"));
        Assert.Equal("Group", members[child.Str("id")].Str("type"));
        Assert.Equal(2, members.Count);
    }

    [Fact]
    public async Task MemberDisplay_FollowsRenames()
    {
        var user = await _scim.CreateUserAsync("conf.rename@example.com", "\"displayName\":\"Before\"");
        var child = await _scim.CreateGroupAsync("conf-rename-child");
        var parent = await _scim.CreateGroupAsync("conf-rename-parent", user.Str("id"), child.Str("id"));

        await _scim.PatchThenGetAsync($"/Users/{user.Str("id")}", ScimClient.PatchBody("""{"op":"replace","path":"displayName","value":"After"}"""));
        await _scim.PatchThenGetAsync($"/Groups/{child.Str("id")}", ScimClient.PatchBody("""{"op":"replace","path":"displayName","value":"conf-rename-child-2"}"""));
        var members = await MembersAsync(parent.Str("id"));
        Assert.Equal("After", members[user.Str("id")].Str("display"));
        Assert.Equal("conf-rename-child-2", members[child.Str("id")].Str("display"));

        // Without a displayName the userName shows, also after a PUT that renames the user.
        await (await _scim.PutAsync($"/Users/{user.Str("id")}", """{"userName":"conf.rename.2@example.com"}""")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("conf.rename.2@example.com", (await MembersAsync(parent.Str("id")))[user.Str("id")].Str("display"));
    }

    [Fact]
    public async Task MemberDisplay_RecordWithoutStoredDisplay_LookedUp()
    {
        // Memberships written before display was stored (or by a bulk seeder) have none: the read looks the member up.
        var user = await _scim.CreateUserAsync("conf.legacy@example.com", "\"displayName\":\"Legacy Person\"");
        var group = await _scim.CreateGroupAsync("conf-legacy");
        _fixture.Factory.Service<IScimGroupStore>().InsertMembers(group.Str("id"),
            [new ScimMembershipRecord { MemberId = user.Str("id"), MemberType = MemberTypes.User }]);
        var member = (await MembersAsync(group.Str("id")))[user.Str("id")];
        Assert.Equal("Legacy Person", member.Str("display"));
        Assert.Equal("User", member.Str("type"));
    }

    [Fact]
    public async Task MemberFilter_OnDisplay_Matches()
    {
        var user = await _scim.CreateUserAsync("conf.filter.display@example.com", "\"displayName\":\"Filter Display\"");
        var group = await _scim.CreateGroupAsync("conf-filter-display", user.Str("id"));
        var list = await (await _scim.GetAsync("/Groups?filter=" + Uri.EscapeDataString("members[display eq \"Filter Display\"]"))).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(group.Str("id"), list.Resources().Single().Str("id"));
    }

    [Fact]
    public async Task Patch_AddUnknownMember_400InvalidValueAndNothingChanges()
    {
        var user = await _scim.CreateUserAsync("conf.integrity@example.com");
        var group = await _scim.CreateGroupAsync("conf-integrity", user.Str("id"));
        var patch = ScimClient.PatchBody("""{"op":"replace","path":"displayName","value":"conf-integrity-2"}""",
            """{"op":"add","path":"members","value":[{"value":"no-such-member"}]}""");
        await (await _scim.PatchAsync($"/Groups/{group.Str("id")}", patch)).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        var read = await (await _scim.GetAsync($"/Groups/{group.Str("id")}")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("conf-integrity", read.Str("displayName"));
        Assert.Single(read.GetProperty("members").EnumerateArray());
    }

    private static List<string?> Schemas(JsonElement resource) =>
        resource.GetProperty("schemas").EnumerateArray().Select(s => s.GetString()).ToList();

    private async Task<Dictionary<string, JsonElement>> MembersAsync(string groupId)
    {
        var group = await (await _scim.GetAsync($"/Groups/{groupId}")).ExpectScimAsync(HttpStatusCode.OK);
        return group.GetProperty("members").EnumerateArray().ToDictionary(m => m.Str("value"));
    }
}
