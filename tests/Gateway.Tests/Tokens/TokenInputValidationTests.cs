namespace ScimGateway.Gateway.Tests.Tokens;

public sealed class TokenInputValidationTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();
    private readonly HttpClient _client;

    public TokenInputValidationTests()
    {
        var alice = _gateway.AddUser("alice@example.com", ScimGateway.Tokens.Role.Admin);
        _client = _gateway.ClientWithToken(_gateway.IssuePersonalToken(alice, "bootstrap"));
    }

    public void Dispose() => _gateway.Dispose();

    [Theory]
    [InlineData("""{"name":"t","expires_in_days":0}""", "expires_in_days")]
    [InlineData("""{"name":"t","expires_in_days":366}""", "expires_in_days")]
    [InlineData("""{"name":"t","expires_in_days":-1}""", "expires_in_days")]
    [InlineData("""{"name":"t","expires_in_days":"abc"}""", "expires_in_days")]
    [InlineData("""{"name":"t","expires_in_days":30.5}""", "expires_in_days")]
    [InlineData("""{"name":"t"}""", "expires_in_days")]
    [InlineData("""{"name":"","expires_in_days":30}""", "name")]
    [InlineData("""{"name":"   ","expires_in_days":30}""", "name")]
    [InlineData("""{"name":42,"expires_in_days":30}""", "name")]
    [InlineData("""{"expires_in_days":30}""", "name")]
    [InlineData("""{"name":"t","expires_in_days":30,"scim_endpoints_only":"yes"}""", "scim_endpoints_only")]
    [InlineData("""{"name":"t","expires_in_days":30,"user_id":7}""", "user_id")]
    [InlineData("""{"name":"t","expires_in_days":30""", "not valid JSON")]
    [InlineData("""[1,2]""", "JSON object")]
    [InlineData("", "not valid JSON")]
    public async Task Create_BadInput_Is400NamingTheProblem_AndStoresNothing(string body, string expectedInDetail)
    {
        var before = await CountTokensAsync();

        var detail = await (await _client.PostRawAsync("/api/user-tokens", body)).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains(expectedInDetail, detail, StringComparison.Ordinal);
        Assert.Equal(before, await CountTokensAsync());
    }

    [Fact]
    public async Task Create_NameOf256Characters_Is400()
    {
        var detail = await (await _client.PostJsonAsync("/api/user-tokens", new { name = new string('n', 256), expires_in_days = 30 }))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("255", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_NameOf255Characters_IsAccepted()
    {
        await (await _client.PostJsonAsync("/api/user-tokens", new { name = new string('n', 255), expires_in_days = 30 }))
            .ExpectJsonAsync(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Create_WrongContentType_Is400(string contentType)
    {
        var detail = await (await _client.PostRawAsync("/api/user-tokens", """{"name":"t","expires_in_days":30}""", contentType))
            .ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Content-Type", detail, StringComparison.Ordinal);
        Assert.Equal(1, await CountTokensAsync());
    }

    [Theory]
    [InlineData("""{"revoke":"yes"}""")]
    [InlineData("""{}""")]
    [InlineData("""{"revoke":""")]
    public async Task Revoke_BadBody_Is400(string body)
    {
        var tokens = await (await _client.GetAsync("/api/user-tokens")).ExpectJsonAsync(HttpStatusCode.OK);
        var id = tokens[0].GetProperty("id").GetString();

        var response = await _client.PutAsync($"/api/user-tokens/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.ExpectProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("GET", "/api/user-tokens/does-not-exist")]
    [InlineData("DELETE", "/api/user-tokens/does-not-exist")]
    [InlineData("GET", "/api/audit?page=0")]
    [InlineData("GET", "/api/audit?page_size=100000")]
    [InlineData("GET", "/api/audit?page=abc")]
    [InlineData("GET", "/api/service-users?role=King")]
    [InlineData("POST", "/api/service-users/nobody@service/reactivate")]
    [InlineData("PATCH", "/api/user-tokens")]
    [InlineData("GET", "/api/user-tokens/%FF%FE%20..%2F")]
    public async Task OddRequests_GetClientErrors_NeverServerErrors(string method, string url)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    private async Task<int> CountTokensAsync() =>
        (await (await _client.GetAsync("/api/user-tokens")).ExpectJsonAsync(HttpStatusCode.OK)).GetArrayLength();
}
