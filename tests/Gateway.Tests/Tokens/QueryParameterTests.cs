using System.Text.Json;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Tokens;

/// <summary>Every query parameter of the gateway's own API: hostile values are a 400 problem+json naming it, never a 500.</summary>
public sealed class QueryParameterTests : IClassFixture<QueryParameterTests.Fixture>
{
    private readonly Fixture _fixture;

    public QueryParameterTests(Fixture fixture) => _fixture = fixture;

    public static TheoryData<string, string> HostileQueries() => new()
    {
        { "/api/audit?page=-1", "page" },
        { "/api/audit?page=0", "page" },
        { "/api/audit?page=abc", "page" },
        { "/api/audit?page=2147483647", "page" },
        { "/api/audit?page=99999999999999999999999", "page" },
        { "/api/audit?page=1&page=2", "page" },
        { "/api/audit?page=%2B1", "page" },
        { "/api/audit?page=1e3", "page" },
        { "/api/audit?page=%201", "page" },
        { "/api/audit?page=", "page" },
        { "/api/audit?page_size=0", "page_size" },
        { "/api/audit?page_size=501", "page_size" },
        { "/api/audit?page_size=-5", "page_size" },
        { "/api/audit?page_size=4294967296", "page_size" },
        { "/api/audit?page_size=10&page_size=20", "page_size" },
        { "/api/user-tokens/{id}/usage?days=-1", "days" },
        { "/api/user-tokens/{id}/usage?days=0", "days" },
        { "/api/user-tokens/{id}/usage?days=366", "days" },
        { "/api/user-tokens/{id}/usage?days=abc", "days" },
        { "/api/user-tokens/{id}/usage?days=99999999999999999999", "days" },
        { "/api/user-tokens/{id}/usage?days=7&days=8", "days" },
        { "/api/user-tokens/{id}/usage?days=%D9%A3", "days" },
        { "/api/user-tokens/service?user_id=a&user_id=b", "user_id" },
        { "/api/user-tokens/service?user_id=%01", "user_id" },
        { "/api/service-users?active=maybe", "active" },
        { "/api/service-users?active=true&active=false", "active" },
        { "/api/service-users?role=Root", "role" },
        { "/api/service-users?role=Admin&role=Member", "role" },
        { "/api/service-users?search=a&search=b", "search" },
        { "/api/service-users?team=x&team=y", "team" },
        { "/api/service-users?search=" + new string('a', 300), "search" },
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task HostileQueryParameter_Is400ProblemNamingIt(string url, string parameter)
    {
        var response = await _fixture.Admin.GetAsync(url.Replace("{id}", _fixture.TokenId, StringComparison.Ordinal));

        var detail = await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith(parameter + " ", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/audit?page=1000000&page_size=500")]
    [InlineData("/api/audit?page=1&page_size=1")]
    [InlineData("/api/user-tokens/{id}/usage?days=365")]
    [InlineData("/api/user-tokens/{id}/usage?days=1")]
    [InlineData("/api/service-users?active=false&role=admin&search=x&team=y")]
    [InlineData("/api/user-tokens/service?user_id=nobody")]
    public async Task LimitValues_AreAccepted(string url)
    {
        var response = await _fixture.Admin.GetAsync(url.Replace("{id}", _fixture.TokenId, StringComparison.Ordinal));

        var body = await response.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Undefined, body.ValueKind);
    }

    public sealed class Fixture : IDisposable
    {
        private readonly GatewayFactory _gateway = new();

        public Fixture()
        {
            var root = _gateway.AddUser("root", Role.Admin);
            Admin = _gateway.ClientWithToken(_gateway.IssuePersonalToken(root, "admin", days: null));
            TokenId = _gateway.Service<ScimGateway.Tokens.Storage.ITokenStore>().ListByOwner(root.Id).Single().Id;
        }

        public HttpClient Admin { get; }

        public string TokenId { get; }

        public void Dispose() => _gateway.Dispose();
    }
}
