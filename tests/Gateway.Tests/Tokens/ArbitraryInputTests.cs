using System.Text;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Tokens;

/// <summary>Odd JSON in every field of every write endpoint: always a clear 4xx, never a 500.</summary>
public sealed class ArbitraryInputTests : IDisposable
{
    private static readonly string[] s_values =
    [
        "null", "true", "0", "-1", "1e309", "99999999999999999999", "\"\"", "\"\\u0000\"", "[]", "{}", "[null]",
        "\"" + new string('x', 5000) + "\"", "\"\\ud800\"", "{\"a\":{\"b\":[1,{}]}}",
    ];

    private static readonly string[] s_fields = ["name", "expires_in_days", "scim_endpoints_only", "user_id", "role", "teams", "revoke"];

    private readonly GatewayFactory _gateway = new();
    private readonly HttpClient _admin;

    public ArbitraryInputTests()
    {
        _admin = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("root", Role.Admin), "admin", days: null));
        _gateway.IssueServiceToken("bot");
    }

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task EveryFieldWithOddValues_NeverAnswers500()
    {
        var tokenId = (await (await _admin.GetAsync("/api/user-tokens")).ExpectJsonAsync(HttpStatusCode.OK))[0].GetProperty("id").GetString();
        var targets = new (HttpMethod Method, string Url)[]
        {
            (HttpMethod.Post, "/api/user-tokens"),
            (HttpMethod.Put, $"/api/user-tokens/{tokenId}"),
            (HttpMethod.Post, "/api/service-users"),
            (HttpMethod.Put, "/api/service-users/bot@service"),
        };
        foreach (var (method, url) in targets)
        {
            foreach (var field in s_fields)
            {
                foreach (var value in s_values)
                {
                    var body = $"{{\"name\":\"n{field}{value.Length}\",\"expires_in_days\":30,\"{field}\":{value}}}";
                    var response = await _admin.SendAsync(new HttpRequestMessage(method, url)
                    {
                        Content = new StringContent(body, Encoding.UTF8, "application/json"),
                    });
                    Assert.True((int)response.StatusCode < 500, $"{method} {url} with {field}={value} gave {(int)response.StatusCode}");
                }
            }
        }
    }
}
