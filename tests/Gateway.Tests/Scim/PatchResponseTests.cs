namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>
/// <c>Scim:PatchResponse</c>: by default 204 for Groups (Okta Group Push, Entra) and 200 with the user for Users (Okta's
/// guide, scim-sanity); 204 for both with <c>NoContent</c>; 200 with the resource for both with <c>Resource</c> or when
/// the request names <c>attributes</c>/<c>excludedAttributes</c> (RFC 7644 section 3.5.2); validated at start.
/// </summary>
public sealed class PatchResponseTests
{
    private const string Rename = """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"Renamed"}]}""";

    [Fact]
    public async Task Default_UserPatch200WithUser_GroupPatch204WithETag()
    {
        using var factory = new GatewayFactory();
        var scim = Client(factory);
        var user = await scim.CreateUserAsync("patchresponse.default@example.com");
        var group = await scim.CreateGroupAsync("patchresponse-default", user.Str("id"));

        foreach (var path in new[] { $"/Users/{user.Str("id")}", $"/Groups/{group.Str("id")}" })
        {
            var read = await scim.PatchThenGetAsync(path, Rename);
            Assert.Equal("Renamed", read.Str("displayName"));
            Assert.Equal("W/\"2\"", read.GetProperty("meta").Str("version"));
        }
    }

    [Fact]
    public async Task NoContent_UserAndGroupPatch_204WithETag()
    {
        using var factory = new GatewayFactory().WithSetting("Scim:PatchResponse", "NoContent");
        var scim = Client(factory);
        var user = await scim.CreateUserAsync("patchresponse.nocontent@example.com");
        var group = await scim.CreateGroupAsync("patchresponse-nocontent", user.Str("id"));

        foreach (var path in new[] { $"/Users/{user.Str("id")}", $"/Groups/{group.Str("id")}" })
        {
            var response = await scim.PatchAsync(path, Rename);
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsStringAsync());
            Assert.Equal("W/\"2\"", response.Headers.ETag?.ToString());
        }
    }

    [Fact]
    public async Task Default_PatchWithAttributes_200WithProjectedResource()
    {
        using var factory = new GatewayFactory();
        var scim = Client(factory);
        var user = await scim.CreateUserAsync("patchresponse.attributes@example.com");
        var body = await (await scim.PatchAsync($"/Users/{user.Str("id")}?attributes=displayName", Rename)).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("Renamed", body.Str("displayName"));
        Assert.Equal(user.Str("id"), body.Str("id"));
        Assert.False(body.TryGetProperty("userName", out _));
    }

    [Fact]
    public async Task Resource_UserPatch_200WithWholeUser()
    {
        using var factory = new GatewayFactory().WithSetting("Scim:PatchResponse", "Resource");
        var scim = Client(factory);
        var user = await scim.CreateUserAsync("patchresponse.user@example.com");
        var response = await scim.PatchAsync($"/Users/{user.Str("id")}", Rename);
        var body = await response.ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("Renamed", body.Str("displayName"));
        Assert.Equal("patchresponse.user@example.com", body.Str("userName"));
        Assert.Equal(body.GetProperty("meta").Str("version"), response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Resource_GroupPatch_200WithMembersUnlessExcluded()
    {
        using var factory = new GatewayFactory().WithSetting("Scim:PatchResponse", "resource");
        var scim = Client(factory);
        var user = await scim.CreateUserAsync("patchresponse.group@example.com", "\"displayName\":\"Group Member\"");
        var group = await scim.CreateGroupAsync("patchresponse-group", user.Str("id"));
        var path = $"/Groups/{group.Str("id")}";

        var whole = await (await scim.PatchAsync(path, Rename)).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("Renamed", whole.Str("displayName"));
        var member = whole.GetProperty("members").EnumerateArray().Single();
        Assert.Equal(user.Str("id"), member.Str("value"));
        Assert.Equal("Group Member", member.Str("display"));

        var excluded = await (await scim.PatchAsync(path + "?excludedAttributes=members", ScimClient.PatchBody("""{"op":"replace","path":"externalId","value":"x"}""")))
            .ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("x", excluded.Str("externalId"));
        Assert.False(excluded.TryGetProperty("members", out _));
    }

    [Fact]
    public async Task Resource_BulkPatch_StatusIs200()
    {
        using var factory = new GatewayFactory().WithSetting("Scim:PatchResponse", "Resource");
        var scim = Client(factory);
        var user = await scim.CreateUserAsync("patchresponse.bulk@example.com");
        var bulk = $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"PATCH","path":"/Users/{{user.Str("id")}}","data":{{Rename}} }]}
            """;
        var result = await (await scim.PostAsync("/Bulk", bulk)).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("200", result.GetProperty("Operations")[0].Str("status"));
    }

    [Theory]
    [InlineData("Sometimes")]
    [InlineData("7")]
    public void UnknownValue_StartFails(string value)
    {
        using var factory = new GatewayFactory().WithSetting("Scim:PatchResponse", value);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("PatchResponse", error.ToString(), StringComparison.Ordinal);
    }

    private static ScimClient Client(GatewayFactory factory) =>
        new(factory.ClientWithToken(factory.IssueServiceToken("idp", ScimGateway.Tokens.Role.Admin, scim: true)));
}
