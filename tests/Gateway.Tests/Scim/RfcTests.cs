using System.Text.Json;

namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>RFC 7643/7644 behaviour over HTTP.</summary>
public sealed class RfcTests : IClassFixture<RfcTests.Seeded>
{
    private readonly Seeded _seeded;

    public RfcTests(Seeded seeded) => _seeded = seeded;

    private ScimClient Scim => _seeded.Fixture.Scim;

    [Theory]
    [InlineData("userName eq \"rfc.alice@example.com\"", "alice")]
    [InlineData("USERNAME EQ \"RFC.ALICE@EXAMPLE.COM\"", "alice")]
    [InlineData("userName ne \"rfc.alice@example.com\"", "bob,carol")]
    [InlineData("userName co \"bob\"", "bob")]
    [InlineData("userName sw \"rfc.c\"", "carol")]
    [InlineData("userName ew \"example.org\"", "carol")]
    [InlineData("title pr", "alice,bob")]
    [InlineData("title gt \"B\"", "bob")]
    [InlineData("title ge \"Analyst\"", "alice,bob")]
    [InlineData("title lt \"B\"", "alice")]
    [InlineData("title le \"Boss\"", "alice,bob")]
    [InlineData("title eq \"Analyst\" and active eq true", "alice")]
    [InlineData("title eq \"Analyst\" or title eq \"Boss\"", "alice,bob")]
    [InlineData("not (title pr)", "carol")]
    [InlineData("(title eq \"Analyst\" or title eq \"Boss\") and userName co \"bob\"", "bob")]
    [InlineData("emails[type eq \"home\" and value co \"carol\"]", "carol")]
    [InlineData("emails[type eq \"work\"].value eq \"rfc.bob@example.com\"", "bob")]
    [InlineData("emails.value eq \"RFC.ALICE@example.com\"", "alice")]
    [InlineData("meta.created ge \"2000-01-01T00:00:00Z\" and userName sw \"rfc.a\"", "alice")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"rfc.bob@example.com\"", "bob")]
    [InlineData("displayName eq \"carol c\"", "carol")]
    public async Task Filter_OperatorMatrix_MatchesExpectedUsers(string filter, string expected)
    {
        var list = await (await Scim.GetAsync("/Users?filter=" + Uri.EscapeDataString(filter) + " &count=1000")).ExpectScimAsync(HttpStatusCode.OK);
        var names = list.Resources().Select(u => u.Str("userName")).Where(n => n.StartsWith("rfc.", StringComparison.Ordinal))
            .Select(n => n[4..n.IndexOf('@')]).Where(n => n is "alice" or "bob" or "carol").Order().ToList();
        Assert.Equal(expected.Split(',').Order().ToList(), names);
    }

    [Theory]
    [InlineData("userName eq")]
    [InlineData("nosuch eq \"x\"")]
    [InlineData("userName xx \"a\"")]
    [InlineData("(userName eq \"a\"")]
    [InlineData("emails[type eq \"work\"")]
    public async Task Filter_Invalid_400InvalidFilter(string filter) =>
        await (await Scim.GetAsync("/Users?filter=" + Uri.EscapeDataString(filter))).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidFilter");

    [Fact]
    public async Task Create_UserNameDifferingOnlyInCase_409()
    {
        await Scim.CreateUserAsync("rfc.case@example.com");
        await (await Scim.PostAsync("/Users", """{"userName":"RFC.Case@Example.com"}""")).ExpectScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
    }

    [Theory]
    [InlineData("startIndex=0&count=2", 1, 2)]
    [InlineData("startIndex=-5&count=2", 1, 2)]
    [InlineData("count=-1", 1, 0)]
    [InlineData("count=0", 1, 0)]
    [InlineData("count=999999999", 1, -1)]
    [InlineData("startIndex=2&count=2", 2, 2)]
    public async Task Paging_EdgeCases_Normalised(string query, int startIndex, int items)
    {
        var list = await (await Scim.GetAsync("/Users?" + query)).ExpectScimAsync(HttpStatusCode.OK);
        var total = list.Total();
        Assert.True(total >= 3);
        Assert.Equal(startIndex, list.GetProperty("startIndex").GetInt32());
        var expected = items < 0 ? total : items;
        Assert.Equal(expected, list.GetProperty("itemsPerPage").GetInt32());
        Assert.Equal(expected, list.Resources().Count);
        Assert.True(list.TryGetProperty("Resources", out _)); // REQUIRED when totalResults is not zero, also for count=0
    }

    [Fact]
    public async Task Paging_PagesAreStableAndDisjoint()
    {
        var all = (await (await Scim.GetAsync("/Users?count=1000")).ExpectScimAsync(HttpStatusCode.OK)).Resources().Select(u => u.Str("id")).ToList();
        var paged = new List<string>();
        for (var start = 1; start <= all.Count; start += 2)
        {
            var page = await (await Scim.GetAsync($"/Users?startIndex={start}&count=2")).ExpectScimAsync(HttpStatusCode.OK);
            paged.AddRange(page.Resources().Select(u => u.Str("id")));
        }

        Assert.Equal(all, paged);
        Assert.Equal(all.Order(StringComparer.Ordinal).ToList(), all);
    }

    [Fact]
    public async Task Sort_ByUserNameDescending_Ordered()
    {
        var list = await (await Scim.GetAsync("/Users?filter=" + Uri.EscapeDataString("userName sw \"rfc.\"") + "&sortBy=userName&sortOrder=descending")).ExpectScimAsync(HttpStatusCode.OK);
        var names = list.Resources().Select(u => u.Str("userName")).ToList();
        Assert.Equal(names.OrderDescending(StringComparer.OrdinalIgnoreCase).ToList(), names);
        Assert.True(names.Count >= 3);
    }

    [Fact]
    public async Task Projection_AttributesAndExcluded_Honoured()
    {
        var id = _seeded.Alice;
        var only = await (await Scim.GetAsync($"/Users/{id}?attributes=userName,name.givenName")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(["schemas", "id", "userName", "name"], only.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["givenName"], only.GetProperty("name").EnumerateObject().Select(p => p.Name).ToArray());

        var without = await (await Scim.GetAsync($"/Users/{id}?excludedAttributes=emails,meta")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.False(without.TryGetProperty("emails", out _));
        Assert.True(without.TryGetProperty("userName", out _));

        var search = await (await Scim.PostAsync("/Users/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName eq \"rfc.alice@example.com\"","attributes":["displayName"]}""")).ExpectScimAsync(HttpStatusCode.OK);
        var found = search.Resources().Single();
        Assert.Equal("Alice A", found.Str("displayName"));
        Assert.False(found.TryGetProperty("userName", out _));
    }

    [Fact]
    public async Task Patch_BatchWithOneBadOperation_ChangesNothing()
    {
        var user = await Scim.CreateUserAsync("rfc.atomic@example.com", "\"title\":\"Before\"");
        var patch = ScimClient.PatchBody("""{"op":"replace","path":"title","value":"After"}""", """{"op":"remove"}""");
        await (await Scim.PatchAsync($"/Users/{user.Str("id")}", patch)).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "noTarget");
        var read = await (await Scim.GetAsync($"/Users/{user.Str("id")}")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal("Before", read.Str("title"));
        Assert.Equal(user.GetProperty("meta").Str("version"), read.GetProperty("meta").Str("version"));
    }

    [Fact]
    public async Task ETags_IfMatchMismatch412_IfNoneMatch304()
    {
        var created = await Scim.PostAsync("/Users", """{"userName":"rfc.etag@example.com"}""");
        var user = await created.ExpectScimAsync(HttpStatusCode.Created);
        var etag = created.Headers.ETag!.ToString();
        Assert.Equal(user.GetProperty("meta").Str("version"), etag);
        Assert.Equal(user.GetProperty("meta").Str("location"), created.Headers.Location!.ToString());
        var path = $"/Users/{user.Str("id")}";

        var notModified = await Scim.SendAsync(HttpMethod.Get, path, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", etag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        var patch = ScimClient.PatchBody("""{"op":"replace","path":"title","value":"x"}""");
        var stale = await Scim.SendAsync(HttpMethod.Patch, path, patch, configure: r => r.Headers.TryAddWithoutValidation("If-Match", "W/\"999\""));
        await stale.ExpectScimErrorAsync(HttpStatusCode.PreconditionFailed);

        var fresh = await Scim.SendAsync(HttpMethod.Patch, path, patch, configure: r => r.Headers.TryAddWithoutValidation("If-Match", etag));
        var patched = await fresh.ExpectScimAsync(HttpStatusCode.OK);
        Assert.NotEqual(etag, patched.GetProperty("meta").Str("version"));
        Assert.Equal(HttpStatusCode.OK, (await Scim.SendAsync(HttpMethod.Get, path, configure: r => r.Headers.TryAddWithoutValidation("If-None-Match", etag))).StatusCode);
    }

    [Fact]
    public async Task Bulk_WithBulkIdReference_CreatesUserAndGroupWithIt()
    {
        const string body = """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"failOnErrors":5,"Operations":[
              {"method":"POST","path":"/Groups","bulkId":"g1","data":{"displayName":"Bulk Group","members":[{"value":"bulkId:u1"}]}},
              {"method":"POST","path":"/Users","bulkId":"u1","data":{"userName":"rfc.bulk@example.com"}},
              {"method":"PATCH","path":"/Users/bulkId:u1","data":{"Operations":[{"op":"replace","path":"title","value":"Bulked"}]}},
              {"method":"DELETE","path":"/Users/does-not-exist"}]}
            """;
        var response = await (await Scim.PostAsync("/Bulk", body)).ExpectScimAsync(HttpStatusCode.OK);
        var ops = response.GetProperty("Operations").EnumerateArray().ToList();
        Assert.Equal(["201", "201", "200", "404"], ops.Select(o => o.Str("status")).ToArray());
        var userId = ops[1].Str("location").Split('/')[^1];
        var group = await (await Scim.GetAsync(new Uri(ops[0].Str("location")).AbsolutePath[ScimClient.Base.Length..])).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(userId, group.GetProperty("members")[0].Str("value"));
        Assert.Equal("Bulked", (await (await Scim.GetAsync($"/Users/{userId}")).ExpectScimAsync(HttpStatusCode.OK)).Str("title"));
    }

    [Fact]
    public async Task Bulk_OverMaxOperations_413()
    {
        var ops = string.Join(",", Enumerable.Range(0, 1001).Select(i => """{"method":"DELETE","path":"/Users/x"}"""));
        await (await Scim.PostAsync("/Bulk", $$"""{"Operations":[{{ops}}]}""")).ExpectScimErrorAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Discovery_DocumentsAndWrongMethods()
    {
        var config = await (await Scim.GetAsync("/ServiceProviderConfig")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.True(config.GetProperty("bulk").GetProperty("supported").GetBoolean());
        Assert.Equal(1000, config.GetProperty("filter").GetProperty("maxResults").GetInt32());
        Assert.StartsWith("http://localhost/api/scim/v2/", config.GetProperty("meta").Str("location"));
        Assert.Equal(2, (await (await Scim.GetAsync("/ResourceTypes")).ExpectScimAsync(HttpStatusCode.OK)).Total());
        Assert.Equal("/Users", (await (await Scim.GetAsync("/ResourceTypes/User")).ExpectScimAsync(HttpStatusCode.OK)).Str("endpoint"));
        Assert.Equal(3, (await (await Scim.GetAsync("/Schemas")).ExpectScimAsync(HttpStatusCode.OK)).Total());
        await (await Scim.GetAsync("/Schemas/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")).ExpectScimAsync(HttpStatusCode.OK);
        await (await Scim.GetAsync("/Schemas/urn:nope")).ExpectScimErrorAsync(HttpStatusCode.NotFound);

        foreach (var path in new[] { "/ServiceProviderConfig", "/ResourceTypes", "/Schemas", "/ResourceTypes/User" })
        {
            await (await Scim.PostAsync(path, "{}")).ExpectScimErrorAsync(HttpStatusCode.MethodNotAllowed);
            await (await Scim.DeleteAsync(path)).ExpectScimErrorAsync(HttpStatusCode.MethodNotAllowed);
        }

        await (await Scim.DeleteAsync("/Users")).ExpectScimErrorAsync(HttpStatusCode.MethodNotAllowed);
        await (await Scim.PostAsync($"/Users/{_seeded.Alice}", "{}")).ExpectScimErrorAsync(HttpStatusCode.MethodNotAllowed);
        await (await Scim.GetAsync("/Me")).ExpectScimErrorAsync(HttpStatusCode.NotImplemented);
    }

    [Fact]
    public async Task UnknownRoutes_404ScimError()
    {
        await (await Scim.GetAsync("/Nope")).ExpectScimErrorAsync(HttpStatusCode.NotFound);
        await (await Scim.GetAsync($"/Users/{_seeded.Alice}/extra")).ExpectScimErrorAsync(HttpStatusCode.NotFound);
        await (await Scim.PostAsync("/v3/Users", "{}")).ExpectScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Authentication_MissingBadOrWrongKindOfToken_ScimErrors()
    {
        using var anonymous = _seeded.Fixture.Factory.CreateClient();
        await (await anonymous.GetAsync(ScimClient.Base + "/Users")).ExpectScimErrorAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.GetAsync(ScimClient.Base + "/Nope")).ExpectScimErrorAsync(HttpStatusCode.Unauthorized);
        using var forged = _seeded.Fixture.Factory.ClientWithToken("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA");
        await (await forged.GetAsync(ScimClient.Base + "/Users")).ExpectScimErrorAsync(HttpStatusCode.Unauthorized);
        using var api = _seeded.Fixture.Factory.ClientWithToken(_seeded.Fixture.Factory.IssueServiceToken("ci", ScimGateway.Tokens.Role.Admin, name: "api"));
        await (await api.GetAsync(ScimClient.Base + "/Users")).ExpectScimErrorAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Bodies_MediaTypesAndBadJson_ScimErrors()
    {
        await (await Scim.PostAsync("/Users", """{"userName":"rfc.json@example.com"}""", "application/json")).ExpectScimAsync(HttpStatusCode.Created);
        await (await Scim.PostAsync("/Users", """{"userName":"rfc.scimjson@example.com"}""", "application/scim+json; charset=utf-8")).ExpectScimAsync(HttpStatusCode.Created);
        await (await Scim.PostAsync("/Users", "<user/>", "text/xml")).ExpectScimErrorAsync(HttpStatusCode.UnsupportedMediaType);
        await (await Scim.PostAsync("/Users", "{\"userName\":", "application/json")).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        await (await Scim.PostAsync("/Users", "[1,2]")).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        await (await Scim.PostAsync("/Users", """{"userName":"a","userName":"b"}""")).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        await (await Scim.PostAsync("/Users", """{"displayName":"no user name"}""")).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await (await Scim.PatchAsync($"/Users/{_seeded.Alice}", "{}")).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        await (await Scim.GetAsync("/Users?count=abc")).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
        await (await Scim.GetAsync("/Users?sortBy=nosuch")).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task Put_ReplacesIgnoringReadOnly_DeleteThen404()
    {
        var user = await Scim.CreateUserAsync("rfc.put@example.com", "\"title\":\"Old\"");
        var path = $"/Users/{user.Str("id")}";
        var put = """{"id":"client-id","userName":"rfc.put@example.com","displayName":"Put","meta":{"version":"x"},"groups":[{"value":"g"}],"unknownThing":1}""";
        var replaced = await (await Scim.PutAsync(path, put)).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(user.Str("id"), replaced.Str("id"));
        Assert.Equal("Put", replaced.Str("displayName"));
        Assert.False(replaced.TryGetProperty("title", out _));
        Assert.False(replaced.TryGetProperty("groups", out _));
        await (await Scim.PutAsync($"/Users/{Guid.NewGuid()}", put)).ExpectScimErrorAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await Scim.DeleteAsync(path)).StatusCode);
        await (await Scim.GetAsync(path)).ExpectScimErrorAsync(HttpStatusCode.NotFound);
        await (await Scim.DeleteAsync(path)).ExpectScimErrorAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RootSearch_FindsUsersAndGroups()
    {
        await Scim.CreateGroupAsync("rfc.root group");
        var result = await (await Scim.PostAsync("/.search", """{"filter":"displayName sw \"rfc.root\" or displayName eq \"Alice A\""}""")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(2, result.Total());
        Assert.Equal(["User", "Group"], result.Resources().Select(r => r.GetProperty("meta").Str("resourceType")).ToArray());
    }

    /// <summary>Three known users for the filter matrix.</summary>
    public sealed class Seeded : IAsyncLifetime, IDisposable
    {
        public ScimFixture Fixture { get; } = new();

        public string Alice { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var scim = Fixture.Scim;
            Alice = (await scim.CreateUserAsync("rfc.alice@example.com", "\"title\":\"Analyst\",\"displayName\":\"Alice A\"")).Str("id");
            await scim.CreateUserAsync("rfc.bob@example.com", "\"title\":\"Boss\",\"displayName\":\"Bob B\"");
            await (await scim.PostAsync("/Users", """
                {"userName":"rfc.carol@example.org","displayName":"Carol C","active":false,
                 "emails":[{"value":"carol@home.example.org","type":"home"}]}
                """)).ExpectScimAsync(HttpStatusCode.Created);
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => Fixture.Dispose();
    }
}
