using System.IdentityModel.Tokens.Jwt;
using System.Text;
using System.Text.Json;

namespace ScimGateway.Gateway.Tests.Tokens;

public sealed class TokenCreationTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Create_ReturnsBearerTokenOnce_AndNoReadReturnsItAgain()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var client = _gateway.ClientWithToken(_gateway.IssuePersonalToken(alice, "bootstrap"));

        var created = await (await client.PostJsonAsync("/api/user-tokens", new { name = "ci-pipeline", expires_in_days = 30 }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var bearer = created.GetProperty("bearer_token").GetString()!;
        var id = created.GetProperty("id").GetString()!;

        Assert.Equal("ci-pipeline", created.GetProperty("name").GetString());
        Assert.Equal("personal", created.GetProperty("type").GetString());
        Assert.Equal("active", created.GetProperty("status").GetString());
        Assert.True(created.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("last_used").ValueKind);
        Assert.Equal("alice@example.com", created.GetProperty("user").GetProperty("user_name").GetString());

        var list = await (await client.GetAsync("/api/user-tokens")).Content.ReadAsStringAsync();
        var single = await (await client.GetAsync($"/api/user-tokens/{id}")).Content.ReadAsStringAsync();
        Assert.Contains(id, list, StringComparison.Ordinal);
        Assert.DoesNotContain("bearer_token", list, StringComparison.Ordinal);
        Assert.DoesNotContain(bearer, list, StringComparison.Ordinal);
        Assert.DoesNotContain(bearer, single, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(30)]
    [InlineData(365)]
    public async Task Create_TokenDecodesAsJwtWithoutKey_WithExpMatchingExpiration(int days)
    {
        var alice = _gateway.AddUser("alice@example.com");
        var client = _gateway.ClientWithToken(_gateway.IssuePersonalToken(alice, "bootstrap"));

        var created = await (await client.PostJsonAsync("/api/user-tokens", new { name = "jwt", expires_in_days = days }))
            .ExpectJsonAsync(HttpStatusCode.Created);

        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(created.GetProperty("bearer_token").GetString());
        var expected = _gateway.Time.GetUtcNow().AddDays(days);
        Assert.Equal(expected.ToUnixTimeSeconds(), jwt.Payload.Expiration);
        Assert.Equal(created.GetProperty("id").GetString(), jwt.Id);
        Assert.Equal(alice.Id, jwt.Subject);
        Assert.Equal("HS256", jwt.Header.Alg);
        Assert.Equal(expected, created.GetProperty("expiration").GetDateTimeOffset());
    }

    [Fact]
    public async Task Create_NeverExpiring_HasNoExpClaim()
    {
        var alice = _gateway.AddUser("alice@example.com");
        var client = _gateway.ClientWithToken(_gateway.IssuePersonalToken(alice, "bootstrap"));

        var created = await (await client.PostJsonAsync("/api/user-tokens", new { name = "forever", expires_in_days = (int?)null }))
            .ExpectJsonAsync(HttpStatusCode.Created);

        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(created.GetProperty("bearer_token").GetString());
        Assert.Null(jwt.Payload.Expiration);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("expiration").ValueKind);
    }

    [Fact]
    public async Task Create_TokenNeverReachesDataFilesOrLogs()
    {
        using var directory = new TempDirectory();
        var gateway = new GatewayFactory(directory.Path);
        var alice = gateway.AddUser("alice@example.com");
        var client = gateway.ClientWithToken(gateway.IssuePersonalToken(alice, "bootstrap"));
        var created = await (await client.PostJsonAsync("/api/user-tokens", new { name = "secret", expires_in_days = 30 }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        var bearer = created.GetProperty("bearer_token").GetString()!;
        var signature = bearer[(bearer.LastIndexOf('.') + 1)..];

        // Use it, revoke it, fail with it: every path that might log.
        var user = gateway.ClientWithToken(bearer);
        await user.GetAsync("/api/user-tokens");
        await client.PutAsJsonAsync($"/api/user-tokens/{created.GetProperty("id").GetString()}", new { revoke = true });
        await user.GetAsync("/api/user-tokens");
        await gateway.DisposeAsync();

        foreach (var file in Directory.GetFiles(directory.Path, "*.db"))
        {
            var bytes = File.ReadAllBytes(file);
            var text = Encoding.Latin1.GetString(bytes);
            Assert.False(text.Contains(signature, StringComparison.Ordinal), $"{Path.GetFileName(file)} holds the token's signature.");
        }

        Assert.Contains(Directory.GetFiles(directory.Path), f => f.EndsWith("gateway.db", StringComparison.Ordinal));
        Assert.NotEmpty(gateway.Logs.Lines);
        var leaked = gateway.Logs.Lines.Where(line => line.Contains(signature, StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0, "Logged the token: " + string.Join(Environment.NewLine, leaked));
    }
}
