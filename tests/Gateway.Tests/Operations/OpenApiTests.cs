using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ScimGateway.Gateway.Tests.Proxy;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Operations;

public sealed class OpenApiTests : IAsyncLifetime
{
    private static readonly string[] DocumentedPrefixes = ["/api/user-tokens", "/api/service-users", "/api/audit", "/healthz"];

    private EchoUpstream _upstream = null!;
    private GatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _upstream = await EchoUpstream.StartAsync();
        _gateway = ProxyFixture.CreateGateway(_upstream.Address);
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task Document_IsOpenApi31_WithTheBearerSchemeAndLinksToScimDiscovery()
    {
        var contract = await OpenApiContract.LoadAsync(_gateway.CreateClient());
        var document = contract.Document;

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var bearer = document["components"]!["securitySchemes"]!["Bearer"]!;
        Assert.Equal("http", bearer["type"]!.GetValue<string>());
        Assert.Equal("bearer", bearer["scheme"]!.GetValue<string>());
        Assert.Contains("/api/scim/v2/ServiceProviderConfig", document["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("/api/scim/v2/ServiceProviderConfig", document["externalDocs"]!["url"]!.GetValue<string>());
        Assert.DoesNotContain(document["paths"]!.AsObject(), path => path.Key.StartsWith("/api/scim", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Document_DescribesEveryMappedEndpointOfTheGatewaysOwnApi_AndNothingElse()
    {
        var contract = await OpenApiContract.LoadAsync(_gateway.CreateClient());
        var mapped = _gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: Normalize(e.RoutePattern.RawText!), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => DocumentedPrefixes.Any(p => e.Path.StartsWith(p, StringComparison.Ordinal)))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Path}"))
            .ToHashSet(StringComparer.Ordinal);
        var documented = contract.Document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(mapped.Count >= 17, $"Only {mapped.Count} endpoints found: {string.Join(", ", mapped)}");
        Assert.Empty(mapped.Except(documented));
        Assert.Empty(documented.Except(mapped));
    }

    [Fact]
    public async Task Document_EveryAuthorizedOperation_DeclaresBearerAnd401And403Problems()
    {
        var contract = await OpenApiContract.LoadAsync(_gateway.CreateClient());

        foreach (var (path, item) in contract.Document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var name = $"{method} {path}";
                if (path.StartsWith("/healthz", StringComparison.Ordinal))
                {
                    Assert.Null(operation!["security"]);
                    continue;
                }

                Assert.True(operation!["security"]?[0]?["Bearer"] is JsonArray, $"{name} has no bearer requirement.");
                foreach (var status in new[] { "401", "403" })
                {
                    Assert.True(operation["responses"]?[status]?["content"]?["application/problem+json"] is not null, $"{name} does not document {status}.");
                }

                Assert.True(operation["operationId"] is not null && operation["summary"] is not null, $"{name} has no operationId or summary.");
            }
        }

        var create = contract.Operation("/api/user-tokens", "post")!;
        Assert.NotNull(create["requestBody"]!["content"]!["application/json"]!["example"]);
        Assert.Equal("#/components/schemas/CreateTokenRequest", create["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.NotNull(contract.Document["components"]!["schemas"]!["CreateTokenRequest"]!["properties"]!["expires_in_days"]);
        Assert.NotNull(create["responses"]!["201"]!["content"]!["application/json"]!["example"]!["bearer_token"]);
    }

    [Theory]
    [InlineData("/api/audit", "page", "integer", "1", "1000000")]
    [InlineData("/api/audit", "page_size", "integer", "1", "500")]
    [InlineData("/api/user-tokens/{id}/usage", "days", "integer", "1", "365")]
    [InlineData("/api/user-tokens/service", "user_id", "string", null, null)]
    [InlineData("/api/service-users", "search", "string", null, null)]
    [InlineData("/api/service-users", "active", "boolean", null, null)]
    public async Task Document_ListsTheQueryParametersHandlersReadThemselves_WithTheirRanges(string path, string name, string type, string? minimum, string? maximum)
    {
        var contract = await OpenApiContract.LoadAsync(_gateway.CreateClient());
        var parameters = contract.Operation(path, "get")!["parameters"]!.AsArray();

        var parameter = parameters.Single(p => p!["name"]!.GetValue<string>() == name)!;
        Assert.Equal("query", parameter["in"]!.GetValue<string>());
        Assert.Equal(type, parameter["schema"]!["type"]!.ToString());
        Assert.Equal(minimum, parameter["schema"]!["minimum"]?.ToString());
        Assert.Equal(maximum, parameter["schema"]!["maximum"]?.ToString());
    }

    [Fact]
    public async Task RealResponses_OfTheTokenServiceUserAuditAndHealthApis_MatchTheDocument()
    {
        var contract = await OpenApiContract.LoadAsync(_gateway.CreateClient());
        var admin = _gateway.ClientWithToken(_gateway.IssueServiceToken("contract-admin", Role.Admin));
        var member = _gateway.ClientWithToken(_gateway.IssueServiceToken("contract-member", Role.Member));
        var anonymous = _gateway.CreateClient();

        async Task<HttpResponseMessage> Check(string method, string template, HttpResponseMessage response)
        {
            await contract.AssertDocumentsAsync(method, template, response);
            return response;
        }

        // Service users.
        var created = await Check("POST", "/api/service-users", await admin.PostAsJsonAsync("/api/service-users", new { name = "etl-bot", role = "Member", teams = new[] { "data" } }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var serviceUserId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await Check("POST", "/api/service-users", await admin.PostAsJsonAsync("/api/service-users", new { name = "etl-bot" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Check("POST", "/api/service-users", await admin.PostAsJsonAsync("/api/service-users", new { name = "x", role = "King" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("GET", "/api/service-users", await admin.GetAsync("/api/service-users"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("GET", "/api/service-users/{id}", await admin.GetAsync($"/api/service-users/{serviceUserId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Check("GET", "/api/service-users/{id}", await admin.GetAsync("/api/service-users/nobody"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("PATCH", "/api/service-users/{id}", await admin.PatchAsJsonAsync($"/api/service-users/{serviceUserId}", new { role = "Manager" }))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Check("GET", "/api/service-users", await member.GetAsync("/api/service-users"))).StatusCode);

        // Tokens.
        var issued = await Check("POST", "/api/user-tokens", await admin.PostAsJsonAsync("/api/user-tokens", new { name = "ci", expires_in_days = 30, user_id = serviceUserId }));
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var tokenId = (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await Check("POST", "/api/user-tokens", await admin.PostAsJsonAsync("/api/user-tokens", new { name = "CI", expires_in_days = 30, user_id = serviceUserId }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Check("POST", "/api/user-tokens", await admin.PostAsJsonAsync("/api/user-tokens", new { name = "", expires_in_days = 30 }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("GET", "/api/user-tokens", await admin.GetAsync("/api/user-tokens"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("GET", "/api/user-tokens/service", await admin.GetAsync("/api/user-tokens/service"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("GET", "/api/user-tokens/{id}", await admin.GetAsync($"/api/user-tokens/{tokenId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("GET", "/api/user-tokens/{id}/usage", await admin.GetAsync($"/api/user-tokens/{tokenId}/usage?days=7"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Check("GET", "/api/user-tokens/{id}/usage", await admin.GetAsync($"/api/user-tokens/{tokenId}/usage?days=0"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Check("DELETE", "/api/user-tokens/{id}", await admin.DeleteAsync($"/api/user-tokens/{tokenId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Check("DELETE", "/api/service-users/{id}", await admin.DeleteAsync($"/api/service-users/{serviceUserId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("PUT", "/api/user-tokens/{id}", await admin.PutAsJsonAsync($"/api/user-tokens/{tokenId}", new { revoke = true }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Check("PUT", "/api/user-tokens/{id}", await admin.PutAsJsonAsync($"/api/user-tokens/{tokenId}", new { revoke = "yes" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("DELETE", "/api/user-tokens/{id}", await admin.DeleteAsync($"/api/user-tokens/{tokenId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Check("GET", "/api/user-tokens/{id}", await admin.GetAsync($"/api/user-tokens/{tokenId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("DELETE", "/api/service-users/{id}", await admin.DeleteAsync($"/api/service-users/{serviceUserId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("POST", "/api/service-users/{id}/reactivate", await admin.PostAsync($"/api/service-users/{serviceUserId}/reactivate", null))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Check("GET", "/api/user-tokens", await anonymous.GetAsync("/api/user-tokens"))).StatusCode);
        using var badToken = new HttpRequestMessage(HttpMethod.Get, "/api/user-tokens");
        badToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "garbage");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Check("GET", "/api/user-tokens", await anonymous.SendAsync(badToken))).StatusCode);

        // Audit.
        Assert.Equal(HttpStatusCode.OK, (await Check("GET", "/api/audit", await admin.GetAsync("/api/audit?page=1&page_size=5"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Check("GET", "/api/audit", await admin.GetAsync("/api/audit?page=0"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Check("GET", "/api/audit", await member.GetAsync("/api/audit"))).StatusCode);

        // Health.
        Assert.Equal(HttpStatusCode.OK, (await Check("GET", "/healthz", await anonymous.GetAsync("/healthz"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("GET", "/healthz/live", await anonymous.GetAsync("/healthz/live"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Check("GET", "/healthz/ready", await anonymous.GetAsync("/healthz/ready"))).StatusCode);
    }

    [Fact]
    public async Task ReferencePage_IsServedToSignedInPeople_AndNotToAnonymousVisitors()
    {
        var user = _gateway.AddUser("reader@example.com");
        var browser = await _gateway.SignedInBrowserAsync(_gateway.IssuePersonalToken(user));

        var bare = await browser.GetAsync("/docs/api");
        var page = await browser.GetAsync("/docs/api/");

        var anonymous = await _gateway.Browser().GetAsync("/docs/api");

        Assert.Equal(HttpStatusCode.Found, bare.StatusCode); // Scalar's redirect to its address with the trailing slash
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ScimGateway API", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, anonymous.StatusCode);
        Assert.Equal("/login", new Uri(new Uri("http://localhost"), anonymous.Headers.Location!).AbsolutePath);
    }

    private static string Normalize(string pattern) => pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
}
