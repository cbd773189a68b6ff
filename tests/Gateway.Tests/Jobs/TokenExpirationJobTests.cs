using ScimGateway.Jobs;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Gateway.Tests.Jobs;

[Collection(HangfireServerCollection.Name)]
public sealed class TokenExpirationJobTests : IAsyncDisposable
{
    private readonly List<GatewayFactory> _gateways = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
        {
            await gateway.DisposeAsync();
        }
    }

    [Fact]
    public async Task Run_TokenPastExpiry_MarkedExpiredWithOneAuditEvent_AndRepeatChangesNothing()
    {
        var gateway = Start(new GatewayFactory().WithJobServer());
        var alice = gateway.AddUser("alice@example.com");
        var bearer = gateway.IssuePersonalToken(alice, "short", days: 1);
        var other = gateway.IssuePersonalToken(alice, "long", days: 90);
        var store = gateway.Service<ITokenStore>();
        var id = store.ListByOwner(alice.Id).Single(t => t.Name == "short").Id;

        gateway.Time.AdjustTime(gateway.Time.GetUtcNow().AddDays(2));
        await gateway.RunJobAsync(JobIds.TokenExpiration);

        var expiredAt = store.FindById(id)!.ExpiredAt;
        Assert.Equal(gateway.Time.GetUtcNow().UtcDateTime, expiredAt);
        Assert.Single(gateway.Service<AuditTrail>().Find(AuditActions.TokenExpired, id));
        Assert.Null(store.ListByOwner(alice.Id).Single(t => t.Name == "long").ExpiredAt);
        var view = await (await gateway.ClientWithToken(other).GetAsync($"/api/user-tokens/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("expired", view.GetProperty("status").GetString());

        gateway.Time.Advance(TimeSpan.FromMinutes(5));
        await gateway.RunJobAsync(JobIds.TokenExpiration);

        Assert.Equal(expiredAt, store.FindById(id)!.ExpiredAt);
        Assert.Single(gateway.Service<AuditTrail>().Find(AuditActions.TokenExpired, id));
        Assert.Equal(HttpStatusCode.Unauthorized, (await gateway.ClientWithToken(bearer).GetAsync("/api/user-tokens")).StatusCode);
        AssertNoTokenLogged(gateway, bearer, other);
    }

    [Fact]
    public async Task Run_WarningsAt30And7Days_ArriveAtWebhookOnceEach_WithoutTheToken()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var gateway = Start(new GatewayFactory().WithJobServer().WithSetting("Jobs:Notifications:WebhookUrl", receiver.Url));
        var alice = gateway.AddUser("alice@example.com");
        var bearer = gateway.IssuePersonalToken(alice, "quarterly", days: 60);
        var start = gateway.Time.GetUtcNow();

        await gateway.RunJobAsync(JobIds.TokenExpiration);
        Assert.Equal(0, receiver.Attempts);

        gateway.Time.AdjustTime(start.AddDays(31));
        await gateway.RunJobAsync(JobIds.TokenExpiration);
        await gateway.RunJobAsync(JobIds.TokenExpiration);
        var first = Assert.Single(receiver.Delivered);
        Assert.Equal(30, first.GetProperty("threshold_days").GetInt32());
        Assert.Equal(29, first.GetProperty("days_left").GetInt32());
        Assert.Equal("quarterly", first.GetProperty("token_name").GetString());
        Assert.Equal("alice@example.com", first.GetProperty("owner").GetProperty("user_name").GetString());
        Assert.Equal(start.AddDays(60), first.GetProperty("expires_at").GetDateTimeOffset());

        gateway.Time.AdjustTime(start.AddDays(54));
        await gateway.RunJobAsync(JobIds.TokenExpiration);
        await gateway.RunJobAsync(JobIds.TokenExpiration);

        Assert.Equal(2, receiver.Delivered.Count);
        Assert.Equal([30, 7], receiver.Delivered.Select(d => d.GetProperty("threshold_days").GetInt32()));
        Assert.All(receiver.Delivered, d => Assert.DoesNotContain(bearer, d.GetRawText(), StringComparison.Ordinal));
        Assert.Equal(2, gateway.Logs.Lines.Count(l => l.StartsWith("Warning ", StringComparison.Ordinal) && l.Contains("expires within", StringComparison.Ordinal)));
        AssertNoTokenLogged(gateway, bearer);
    }

    [Fact]
    public async Task Run_FailingReceiver_IsRetriedBoundedly_JobSucceeds_AndNextRunDelivers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 500;
        var gateway = Start(new GatewayFactory().WithJobServer()
            .WithSetting("Jobs:Notifications:WebhookUrl", receiver.Url)
            .WithSetting("Jobs:Notifications:MaxAttempts", "3")
            .WithSetting("Jobs:Notifications:RetryDelayMilliseconds", "10"));
        var alice = gateway.AddUser("alice@example.com");
        gateway.IssuePersonalToken(alice, "one", days: 5);
        gateway.IssuePersonalToken(alice, "two", days: 6);

        await gateway.RunJobAsync(JobIds.TokenExpiration);

        // Three attempts for the first warning, then the run stops using the webhook instead of hammering it.
        Assert.Equal(3, receiver.Attempts);
        Assert.Empty(receiver.Delivered);

        receiver.Status = 200;
        await gateway.RunJobAsync(JobIds.TokenExpiration);
        await gateway.RunJobAsync(JobIds.TokenExpiration);

        Assert.Equal(2, receiver.Delivered.Count);
        Assert.All(receiver.Delivered, d => Assert.Equal(7, d.GetProperty("threshold_days").GetInt32()));
        Assert.Equal(5, receiver.Attempts);
    }

    private GatewayFactory Start(GatewayFactory gateway)
    {
        _gateways.Add(gateway);
        return gateway;
    }

    internal static void AssertNoTokenLogged(GatewayFactory gateway, params string[] bearers)
    {
        foreach (var bearer in bearers)
        {
            Assert.DoesNotContain(gateway.Logs.Lines, line => line.Contains(bearer, StringComparison.Ordinal));
        }
    }
}
