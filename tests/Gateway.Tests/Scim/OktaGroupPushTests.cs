namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>Okta Group Push: create, rename echoing the id, member remove by filter plus add, full push, unlink.</summary>
public sealed class OktaGroupPushTests : IClassFixture<ScimFixture>
{
    private readonly ScimClient _scim;

    public OktaGroupPushTests(ScimFixture fixture) => _scim = fixture.Scim;

    [Fact]
    public async Task GroupPush_FullLifecycle_AsOktaSendsIt()
    {
        var a = (await _scim.CreateUserAsync("push.a@example.com")).Str("id");
        var b = (await _scim.CreateUserAsync("push.b@example.com")).Str("id");
        var c = (await _scim.CreateUserAsync("push.c@example.com")).Str("id");
        var group = await (await _scim.PostAsync("/Groups", """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Pushed","members":[]}""", "application/json")).ExpectScimAsync(HttpStatusCode.Created);
        var id = group.Str("id");
        var path = $"/Groups/{id}";

        var rename = ScimClient.PatchBody($$"""{"op":"replace","value":{"id":"{{id}}","displayName":"Pushed Renamed"} }""");
        Assert.Equal(HttpStatusCode.NoContent, (await _scim.PatchAsync(path, rename)).StatusCode);

        var add = ScimClient.PatchBody($$"""{"op":"add","path":"members","value":[{"value":"{{a}}","display":"a"},{"value":"{{b}}"}]}""");
        Assert.Equal(HttpStatusCode.NoContent, (await _scim.PatchAsync(path, add)).StatusCode);

        var swap = ScimClient.PatchBody($$"""{"op":"remove","path":"members[value eq \"{{a}}\"]"}""", $$"""{"op":"add","path":"members","value":[{"value":"{{c}}"}]}""");
        Assert.Equal(HttpStatusCode.NoContent, (await _scim.PatchAsync(path, swap)).StatusCode);
        Assert.Equal(new[] { b, c }.Order(), await MembersAsync(path));

        var full = ScimClient.PatchBody($$"""{"op":"replace","path":"members","value":[{"value":"{{a}}"}]}""");
        var withAttributes = await (await _scim.PatchAsync(path + "?attributes=displayName", full)).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("Pushed Renamed", withAttributes.Str("displayName"));
        Assert.False(withAttributes.TryGetProperty("members", out _));
        Assert.Equal(new[] { a }, await MembersAsync(path));

        var user = await (await _scim.GetAsync($"/Users/{a}")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(id, user.GetProperty("groups")[0].Str("value"));

        Assert.Equal(HttpStatusCode.NoContent, (await _scim.DeleteAsync(path)).StatusCode);
        await (await _scim.GetAsync(path)).ExpectScimErrorAsync(HttpStatusCode.NotFound);
        Assert.False((await (await _scim.GetAsync($"/Users/{a}")).ExpectScimAsync(HttpStatusCode.OK)).TryGetProperty("groups", out _));
    }

    [Fact]
    public async Task Groups_DuplicateNameUnknownMemberAndPut_Handled()
    {
        var a = (await _scim.CreateUserAsync("push.put@example.com")).Str("id");
        var group = await _scim.CreateGroupAsync("Put Group", a);
        await (await _scim.PostAsync("/Groups", """{"displayName":"PUT GROUP"}""")).ExpectScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        await (await _scim.PostAsync("/Groups", """{"displayName":"Ghosts","members":[{"value":"no-such-id"}]}""")).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");

        var put = await (await _scim.PutAsync($"/Groups/{group.Str("id")}", """{"displayName":"Put Group 2","externalId":"x"}""")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("Put Group 2", put.Str("displayName"));
        Assert.False(put.TryGetProperty("members", out _));
    }

    [Fact]
    public async Task OverlongIndexedValues_400NotServerError()
    {
        var longName = new string('x', 2000) + "@example.com";
        await (await _scim.PostAsync("/Users", $$"""{"userName":"{{longName}}"}""")).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await (await _scim.GetAsync("/Users/" + new string('y', 2000))).ExpectScimErrorAsync(HttpStatusCode.NotFound);
        var list = await (await _scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"userName eq \"{longName}\""))).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.Total());
    }

    private async Task<IEnumerable<string>> MembersAsync(string path)
    {
        var group = await (await _scim.GetAsync(path)).ExpectScimAsync(HttpStatusCode.OK);
        return group.GetProperty("members").EnumerateArray().Select(m => m.Str("value")).Order().ToList();
    }
}
