using System.Text.Json;

namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>Okta's "SCIM 2.0 Spec Test" (SCIM-COMPAT.md), its 12 steps in order against one gateway.</summary>
public sealed class OktaSpecTests : IClassFixture<ScimFixture>
{
    private readonly ScimFixture _fixture;

    public OktaSpecTests(ScimFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task OktaSpecTest_AllTwelveStepsInOrder_Pass()
    {
        var scim = _fixture.Scim;
        await scim.CreateUserAsync("existing.user@example.com");

        // 1. First page of one user, numeric paging fields, the fields Okta reads.
        var list = await (await scim.GetAsync("/Users?count=1&startIndex=1")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Number, list.GetProperty("totalResults").ValueKind);
        Assert.Equal(1, list.GetProperty("itemsPerPage").GetInt32());
        Assert.Equal(1, list.GetProperty("startIndex").GetInt32());
        var first = list.Resources().Single();
        AssertOktaFields(first);

        // 2. That user by id.
        var id = first.Str("id");
        AssertOktaFields(await (await scim.GetAsync($"/Users/{id}")).ExpectScimAsync(HttpStatusCode.OK));

        // 3. Unknown user name: empty list, not 404.
        var none = await (await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq \"nobody-" + Guid.NewGuid() + "\""))).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(0, none.Total());

        // 4. Unknown id: SCIM 404 with detail.
        await (await scim.GetAsync($"/Users/{Guid.NewGuid()}")).ExpectScimErrorAsync(HttpStatusCode.NotFound);

        // 5. Random email as user name: empty list.
        var random = await (await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString($"userName eq \"{Guid.NewGuid():N}@example.com\""))).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(0, random.Total());

        // 6. Create with application/json: 201, values echoed, active true, password accepted and not returned.
        const string body = """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Jane.Doe@example.com",
             "name":{"givenName":"Jane","familyName":"Doe"},"emails":[{"primary":true,"value":"Jane.Doe@example.com","type":"work"}],
             "displayName":"Jane Doe","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],"password":"1mz050nq","active":true}
            """;
        var created = await (await scim.PostAsync("/Users", body, "application/json")).ExpectScimAsync(HttpStatusCode.Created);
        AssertJane(created);
        Assert.False(created.TryGetProperty("password", out _));

        // 7. Read it back.
        AssertJane(await (await scim.GetAsync($"/Users/{created.Str("id")}")).ExpectScimAsync(HttpStatusCode.OK));

        // 8. The same create again: 409.
        await (await scim.PostAsync("/Users", body, "application/json")).ExpectScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");

        // 9. Filter with the user name in capitals finds it.
        var upper = await (await scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName eq \"JANE.DOE@EXAMPLE.COM\""))).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(1, upper.Total());
        Assert.Equal(created.Str("id"), upper.Resources().Single().Str("id"));

        // 10. Groups answer (Okta wants it within 600 ms: measured by the SCIM benchmark in bench/, not here).
        await (await scim.GetAsync("/Groups")).ExpectScimAsync(HttpStatusCode.OK);

        // 11. A non-token Authorization header: SCIM 401.
        using var bad = _fixture.Factory.CreateClient();
        bad.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "non-token");
        await (await bad.GetAsync(ScimClient.Base + "/Users")).ExpectScimErrorAsync(HttpStatusCode.Unauthorized);

        // 12. A made-up id: SCIM 404.
        await (await scim.GetAsync("/Users/00919288221112222")).ExpectScimErrorAsync(HttpStatusCode.NotFound);
    }

    private static void AssertOktaFields(JsonElement user)
    {
        Assert.False(string.IsNullOrEmpty(user.Str("id")));
        Assert.False(string.IsNullOrEmpty(user.GetProperty("name").Str("givenName")));
        Assert.False(string.IsNullOrEmpty(user.GetProperty("name").Str("familyName")));
        Assert.False(string.IsNullOrEmpty(user.Str("userName")));
        Assert.Equal(JsonValueKind.True, user.GetProperty("active").ValueKind);
        Assert.False(string.IsNullOrEmpty(user.GetProperty("emails")[0].Str("value")));
    }

    private static void AssertJane(JsonElement user)
    {
        Assert.Equal("Jane.Doe@example.com", user.Str("userName"));
        Assert.Equal("Jane", user.GetProperty("name").Str("givenName"));
        Assert.Equal("Doe", user.GetProperty("name").Str("familyName"));
        Assert.Equal("Jane Doe", user.Str("displayName"));
        Assert.Equal("en-US", user.Str("locale"));
        Assert.Equal("00ujl29u0le5T6Aj10h7", user.Str("externalId"));
        Assert.Equal("Jane.Doe@example.com", user.GetProperty("emails")[0].Str("value"));
        Assert.True(user.GetProperty("active").GetBoolean());
        Assert.Equal("User", user.GetProperty("meta").Str("resourceType"));
        Assert.StartsWith("http://localhost/api/scim/v2/Users/", user.GetProperty("meta").Str("location"));
    }
}
