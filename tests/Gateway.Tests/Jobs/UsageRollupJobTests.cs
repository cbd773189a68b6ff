using System.Text.Json;
using ScimGateway.Jobs;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Gateway.Tests.Jobs;

[Collection(HangfireServerCollection.Name)]
public sealed class UsageRollupJobTests
{
    [Fact]
    public async Task Rollup_1000Requests_FoldToExactly1000ByOutcome_AndASecondRunDoesNotDouble()
    {
        await using var gateway = new GatewayFactory().WithJobServer();
        var alice = gateway.AddUser("alice@example.com");
        var bearer = gateway.IssuePersonalToken(alice, "busy");
        var reader = gateway.ClientWithToken(gateway.IssuePersonalToken(alice, "reader"));
        var id = TokenId(gateway, alice.Id, "busy");

        await SendAsync(gateway.ClientWithToken(bearer), ok: 900, notFound: 100);
        gateway.Service<UsageFlushService>().Flush();
        await gateway.RunJobAsync(JobIds.UsageRollup);
        var first = await UsageAsync(reader, id, 7);
        await gateway.RunJobAsync(JobIds.UsageRollup);
        var second = await UsageAsync(reader, id, 7);

        foreach (var usage in new[] { first, second })
        {
            var today = usage.GetProperty("days")[6];
            Assert.Equal("2026-11-28", today.GetProperty("date").GetString());
            Assert.Equal(1000, today.GetProperty("requests").GetInt64());
            Assert.Equal(900, today.GetProperty("success").GetInt64());
            Assert.Equal(100, today.GetProperty("client_error").GetInt64());
            Assert.Equal(0, today.GetProperty("server_error").GetInt64());
            Assert.Equal(1000, usage.GetProperty("total").GetProperty("requests").GetInt64());
            Assert.Equal(7, usage.GetProperty("days").GetArrayLength());
            Assert.All(usage.GetProperty("days").EnumerateArray().Take(6), d => Assert.Equal(0, d.GetProperty("requests").GetInt64()));
        }

        Assert.NotNull(gateway.Service<ITokenStore>().FindById(id)!.LastUsedAt);
        Assert.Equal(id, first.GetProperty("token_id").GetString());
        Assert.NotEqual(JsonValueKind.Null, first.GetProperty("last_used").ValueKind);
        TokenExpirationJobTests.AssertNoTokenLogged(gateway, bearer);
    }

    [Fact]
    public async Task Rollup_AfterRestartBetweenRequestsAndRollup_LosesNothingAcknowledged()
    {
        using var directory = new TempDirectory();
        string bearer;
        string readerToken;
        string id;
        await using (var before = new GatewayFactory(directory.Path))
        {
            var alice = before.AddUser("alice@example.com");
            bearer = before.IssuePersonalToken(alice, "busy");
            readerToken = before.IssuePersonalToken(alice, "reader");
            id = TokenId(before, alice.Id, "busy");
            await SendAsync(before.ClientWithToken(bearer), ok: 550, notFound: 50);

            // No flush here: the graceful shutdown must write the buckets.
        }

        await using var after = new GatewayFactory(directory.Path).WithJobServer();
        await SendAsync(after.ClientWithToken(bearer), ok: 380, notFound: 20);
        after.Service<UsageFlushService>().Flush();
        await after.RunJobAsync(JobIds.UsageRollup);
        await after.RunJobAsync(JobIds.UsageRollup);

        var total = (await UsageAsync(after.ClientWithToken(readerToken), id, 1)).GetProperty("total");
        Assert.Equal(1000, total.GetProperty("requests").GetInt64());
        Assert.Equal(930, total.GetProperty("success").GetInt64());
        Assert.Equal(70, total.GetProperty("client_error").GetInt64());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task Usage_BadDays_Is400Problem(string days)
    {
        await using var gateway = new GatewayFactory();
        var alice = gateway.AddUser("alice@example.com");
        var client = gateway.ClientWithToken(gateway.IssuePersonalToken(alice, "mine"));
        var id = TokenId(gateway, alice.Id, "mine");

        var detail = await (await client.GetAsync($"/api/user-tokens/{id}/usage?days={days}")).ExpectProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("days", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_DefaultsTo30Days_AndFollowsTokenVisibility()
    {
        await using var gateway = new GatewayFactory();
        var alice = gateway.AddUser("alice@example.com");
        var admin = gateway.AddUser("root@example.com", ScimGateway.Tokens.Role.Admin);
        var aliceClient = gateway.ClientWithToken(gateway.IssuePersonalToken(alice, "mine"));
        var adminClient = gateway.ClientWithToken(gateway.IssuePersonalToken(admin, "admin"));
        gateway.IssueServiceToken("etl", name: "etl-token");
        var aliceTokenId = TokenId(gateway, alice.Id, "mine");
        var serviceTokenId = gateway.Service<ITokenStore>().ListByOwnerKind(ScimGateway.Tokens.OwnerKind.Service).Single().Id;

        var own = await (await aliceClient.GetAsync($"/api/user-tokens/{aliceTokenId}/usage")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(30, own.GetProperty("days").GetArrayLength());
        await (await adminClient.GetAsync($"/api/user-tokens/{aliceTokenId}/usage")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await aliceClient.GetAsync($"/api/user-tokens/{serviceTokenId}/usage")).ExpectProblemAsync(HttpStatusCode.NotFound);
        await (await adminClient.GetAsync($"/api/user-tokens/{serviceTokenId}/usage?days=365")).ExpectJsonAsync(HttpStatusCode.OK);
    }

    private static string TokenId(GatewayFactory gateway, string ownerId, string name) =>
        gateway.Service<ITokenStore>().ListByOwner(ownerId).Single(t => t.Name == name).Id;

    private static async Task SendAsync(HttpClient client, int ok, int notFound)
    {
        for (var i = 0; i < ok; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/user-tokens")).StatusCode);
        }

        for (var i = 0; i < notFound; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/user-tokens/no-such-token")).StatusCode);
        }
    }

    private static async Task<JsonElement> UsageAsync(HttpClient client, string id, int days) =>
        await (await client.GetAsync($"/api/user-tokens/{id}/usage?days={days}")).ExpectJsonAsync(HttpStatusCode.OK);
}
