using System.Text.Json;

namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>
/// Requests built to exhaust the stack or memory get a SCIM 400 naming the limit they hit, and the gateway keeps
/// serving. Before the limits, the 200,000-term search and the 50,000-term PATCH path ended the process.
/// </summary>
public sealed class LimitsTests : IClassFixture<HostileInputTests.Seeded>
{
    private readonly HostileInputTests.Seeded _seeded;

    public LimitsTests(HostileInputTests.Seeded seeded) => _seeded = seeded;

    private ScimClient Scim => _seeded.Fixture.Scim;

    private static string OrChain(int terms, string term) => string.Join(" or ", Enumerable.Repeat(term, terms));

    [Fact]
    public async Task Search_200000OrTerms_InvalidFilterNamingTheLimit_AndStillServes()
    {
        var body = JsonSerializer.Serialize(new { filter = OrChain(200_000, "userName eq \"x\"") });
        await ExpectRefusedAsync(await Scim.PostAsync("/Users/.search", body), "invalidFilter", "Scim:MaxFilterLength");
        await ExpectRefusedAsync(await Scim.PostAsync("/.search", body), "invalidFilter", "Scim:MaxFilterLength");
        await ExpectStillServesAsync();
    }

    [Fact]
    public async Task Patch_50000TermValueFilterPath_InvalidPathNamingTheLimit_AndStillServes()
    {
        var path = "members[" + OrChain(50_000, $"value eq \"{_seeded.User}\"") + "]";
        var body = JsonSerializer.Serialize(new { schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" }, Operations = new[] { new { op = "remove", path } } });
        await ExpectRefusedAsync(await Scim.PatchAsync($"/Groups/{_seeded.Group}", body), "invalidPath", "Scim:MaxFilterLength");
        await ExpectRefusedAsync(await Scim.PatchAsync($"/Users/{_seeded.User}", body.Replace("members[", "emails[", StringComparison.Ordinal)), "invalidPath", "Scim:MaxFilterLength");

        var members = await (await Scim.GetAsync($"/Groups/{_seeded.Group}")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(_seeded.User, members.GetProperty("members")[0].Str("value"));
        await ExpectStillServesAsync();
    }

    [Fact]
    public async Task Patch_ValueFilterPathOverTheNodeLimit_InvalidPathNamingTheLimit()
    {
        var path = "emails[" + OrChain(300, "value pr") + "]";
        var body = ScimClient.PatchBody($$"""{"op":"remove","path":{{JsonSerializer.Serialize(path)}}}""");
        await ExpectRefusedAsync(await Scim.PatchAsync($"/Users/{_seeded.User}", body), "invalidPath", "Scim:MaxFilterNodes");
    }

    [Theory]
    [InlineData("/Users")]
    [InlineData("/Groups")]
    public async Task GetFilter_DeepNesting_InvalidFilterNamingTheLimit(string resource)
    {
        var filter = string.Concat(Enumerable.Repeat("not (", 200)) + "id pr" + new string(')', 200);
        await ExpectRefusedAsync(await Scim.GetAsync($"{resource}?filter={Uri.EscapeDataString(filter)}"), "invalidFilter", "Scim:MaxFilterDepth");
        await ExpectStillServesAsync();
    }

    [Theory]
    [InlineData("/Users")]
    [InlineData("/Groups")]
    public async Task GetFilter_TooManyTerms_InvalidFilterNamingTheLimit(string resource)
    {
        var filter = OrChain(260, "id pr");
        await ExpectRefusedAsync(await Scim.GetAsync($"{resource}?filter={Uri.EscapeDataString(filter)}"), "invalidFilter", "Scim:MaxFilterNodes");
    }

    [Fact]
    public async Task Search_OversizeAttributeLists_InvalidFilterNamingTheLimit()
    {
        var many = Enumerable.Repeat("userName", 201).ToArray();
        await ExpectRefusedAsync(await Scim.PostAsync("/Users/.search", JsonSerializer.Serialize(new { attributes = many })), "invalidFilter", "Scim:MaxAttributeNames");
        await ExpectRefusedAsync(await Scim.PostAsync("/Users/.search", JsonSerializer.Serialize(new { excludedAttributes = many })), "invalidFilter", "Scim:MaxAttributeNames");
        var huge = new string('a', 200_000);
        await ExpectRefusedAsync(await Scim.PostAsync("/Groups/.search", JsonSerializer.Serialize(new { attributes = huge })), "invalidFilter", "Scim:MaxFilterLength");
        await ExpectRefusedAsync(await Scim.GetAsync($"/Users/{_seeded.User}?attributes={string.Join(',', Enumerable.Repeat("id", 300))}"), "invalidFilter", "Scim:MaxAttributeNames");
        await ExpectStillServesAsync();
    }

    [Fact]
    public async Task Search_OversizeSortBy_InvalidFilterNamingTheLimit()
    {
        var body = JsonSerializer.Serialize(new { sortBy = new string('a', 200_000), filter = "userName pr" });
        await ExpectRefusedAsync(await Scim.PostAsync("/Users/.search", body), "invalidFilter", "Scim:MaxFilterLength");
        await ExpectStillServesAsync();
    }

    [Fact]
    public async Task Patch_1001Operations_InvalidValueNamingTheLimit_AndNothingApplied()
    {
        var operations = Enumerable.Repeat("""{"op":"replace","path":"title","value":"Changed"}""", 1_001).ToArray();
        await ExpectRefusedAsync(await Scim.PatchAsync($"/Users/{_seeded.User}", ScimClient.PatchBody(operations)), "invalidValue", "Scim:MaxPatchOperations");
        var user = await (await Scim.GetAsync($"/Users/{_seeded.User}")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.False(user.TryGetProperty("title", out _));

        var bulk = JsonSerializer.Serialize(new
        {
            schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:BulkRequest" },
            Operations = new[]
            {
                new { method = "PATCH", path = $"/Users/{_seeded.User}", data = JsonDocument.Parse(ScimClient.PatchBody(operations)).RootElement },
                new { method = "PATCH", path = $"/Groups/{_seeded.Group}", data = JsonDocument.Parse(ScimClient.PatchBody($$"""{"op":"remove","path":{{JsonSerializer.Serialize("members[" + OrChain(3_000, "value eq \"x\"") + "]")}}}""")).RootElement },
            },
        });
        var response = await (await Scim.PostAsync("/Bulk", bulk)).ExpectScimAsync(HttpStatusCode.OK);
        var results = response.GetProperty("Operations").EnumerateArray().ToList();
        Assert.Equal("400", results[0].Str("status"));
        Assert.Equal("invalidValue", results[0].GetProperty("response").Str("scimType"));
        Assert.Contains("Scim:MaxPatchOperations", results[0].GetProperty("response").Str("detail"), StringComparison.Ordinal);
        Assert.Equal("400", results[1].Str("status"));
        Assert.Equal("invalidPath", results[1].GetProperty("response").Str("scimType"));
        Assert.Contains("Scim:MaxFilter", results[1].GetProperty("response").Str("detail"), StringComparison.Ordinal);
        await ExpectStillServesAsync();
    }

    private static async Task ExpectRefusedAsync(HttpResponseMessage response, string scimType, string limit)
    {
        var body = await response.ExpectScimAsync(HttpStatusCode.BadRequest);
        Assert.Equal(scimType, body.Str("scimType"));
        Assert.Contains(limit, body.Str("detail"), StringComparison.Ordinal);
    }

    private async Task ExpectStillServesAsync()
    {
        var list = await (await Scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("title pr or userName pr") + "&count=1")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.True(list.Total() >= 1);
    }
}
