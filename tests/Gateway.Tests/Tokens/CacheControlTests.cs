using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Tokens;

/// <summary>Responses that carry a token secret or list tokens, service users or audit events are never stored by caches.</summary>
public sealed class CacheControlTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();
    private readonly HttpClient _admin;

    public CacheControlTests() =>
        _admin = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("root", Role.Admin), "admin", days: null));

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task TokenApi_ServiceUsers_AndAudit_AnswerWithNoStore()
    {
        var created = await _admin.PostAsJsonAsync("/api/user-tokens", new { name = "ci", expires_in_days = 30 });
        var id = (await created.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        AssertNoStore(created);
        var serviceUser = await _admin.PostAsJsonAsync("/api/service-users", new { name = "bot", role = "Member" });
        var serviceUserId = (await serviceUser.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        AssertNoStore(serviceUser);
        var serviceToken = await _admin.PostAsJsonAsync("/api/user-tokens", new { name = "svc", expires_in_days = 30, user_id = serviceUserId });
        await serviceToken.ExpectJsonAsync(HttpStatusCode.Created);
        AssertNoStore(serviceToken);

        foreach (var url in new[]
        {
            "/api/user-tokens", "/api/user-tokens/service", $"/api/user-tokens/{id}", $"/api/user-tokens/{id}/usage?days=7",
            "/api/service-users", $"/api/service-users/{serviceUserId}", "/api/audit",
        })
        {
            var response = await _admin.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            AssertNoStore(response, url);
        }

        AssertNoStore(await _admin.PutAsJsonAsync($"/api/user-tokens/{id}", new { revoke = true }));
    }

    private static void AssertNoStore(HttpResponseMessage response, string? url = null) =>
        Assert.True(response.Headers.CacheControl?.NoStore == true,
            $"{url ?? response.RequestMessage?.RequestUri?.ToString()}: Cache-Control is '{response.Headers.CacheControl}'.");
}
