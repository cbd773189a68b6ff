namespace ScimGateway.Gateway.Tests.Tokens;

public sealed class RestartTests
{
    [Fact]
    public async Task NewHostOnSameDataDirectory_KeepsTokensStatusAndLastUsed()
    {
        using var directory = new TempDirectory();
        string active;
        string revokedId;
        DateTimeOffset usedAt;
        await using (var first = new GatewayFactory(directory.Path))
        {
            active = first.IssuePersonalToken(first.AddUser("alice"), "active");
            var client = first.ClientWithToken(active);
            var revoked = await (await client.PostJsonAsync("/api/user-tokens", new { name = "revoked", expires_in_days = 30 })).ExpectJsonAsync(HttpStatusCode.Created);
            revokedId = revoked.GetProperty("id").GetString()!;
            await client.PutAsJsonAsync($"/api/user-tokens/{revokedId}", new { revoke = true });
            usedAt = first.Time.GetUtcNow();
        }

        await using var second = new GatewayFactory(directory.Path);
        second.Time.SetUtcNow(usedAt.AddMinutes(1));
        var tokens = await (await second.ClientWithToken(active).GetAsync("/api/user-tokens")).ExpectJsonAsync(HttpStatusCode.OK);

        var activeView = tokens.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "active");
        var revokedView = tokens.EnumerateArray().Single(t => t.GetProperty("id").GetString() == revokedId);
        Assert.Equal("active", activeView.GetProperty("status").GetString());
        Assert.Equal("revoked", revokedView.GetProperty("status").GetString());

        // Last used as persisted by the first host at shutdown, not the request being served now.
        Assert.Equal(usedAt, activeView.GetProperty("last_used").GetDateTimeOffset());
    }
}
