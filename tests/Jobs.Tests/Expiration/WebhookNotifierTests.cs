using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScimGateway.Jobs.Expiration;

namespace ScimGateway.Jobs.Tests.Expiration;

public sealed class WebhookNotifierTests : IAsyncLifetime
{
    private static readonly ExpiryNotice Notice = new("token.expiring", "t1", "ci", "personal",
        new ExpiryNoticeOwner("o1", "alice", null, null, "Human"), DateTimeOffset.UnixEpoch, 6, 7);

    private WebApplication? _receiver;
    private int _status;
    private int _attempts;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async (HttpContext context) =>
        {
            Interlocked.Increment(ref _attempts);
            if (_status == 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted);
            }

            return Results.StatusCode(_status == 0 ? 200 : _status);
        });
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync() => await _receiver!.DisposeAsync();

    [Theory]
    [InlineData(200, 1, DeliveryResult.Delivered)]
    [InlineData(204, 1, DeliveryResult.Delivered)]
    [InlineData(500, 3, DeliveryResult.Failed)]
    [InlineData(503, 3, DeliveryResult.Failed)]
    [InlineData(429, 3, DeliveryResult.Failed)]
    [InlineData(400, 1, DeliveryResult.Rejected)]
    [InlineData(410, 1, DeliveryResult.Rejected)]
    public async Task Send_RetriesOnlyWhatRetryingCanFix(int status, int attempts, DeliveryResult expected)
    {
        _status = status;

        var result = await Notifier(timeoutSeconds: 5).SendAsync(Notice, CancellationToken.None);

        Assert.Equal(expected, result);
        Assert.Equal(attempts, _attempts);
    }

    [Fact]
    public async Task Send_SlowReceiver_TimesOutPerAttempt_AndGivesUpForThisRun()
    {
        _status = 0;
        // The receiver never answers: two attempts that each ended (rather than one that hangs) show the per-attempt timeout.
        var result = await Notifier(timeoutSeconds: 1, maxAttempts: 2).SendAsync(Notice, CancellationToken.None);

        Assert.Equal(DeliveryResult.Failed, result);
        Assert.Equal(2, _attempts);
    }

    [Fact]
    public async Task Send_UnreachableReceiver_Fails()
    {
        var notifier = Notifier(timeoutSeconds: 1, url: "http://127.0.0.1:1/hook");

        Assert.Equal(DeliveryResult.Failed, await notifier.SendAsync(Notice, CancellationToken.None));
    }

    private WebhookNotifier Notifier(int timeoutSeconds, int maxAttempts = 3, string? url = null)
    {
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookNotifier.ClientName);
        var clients = services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = Options.Create(new JobsOptions
        {
            Notifications = new NotificationOptions
            {
                WebhookUrl = url ?? _receiver!.Urls.First() + "/hook",
                TimeoutSeconds = timeoutSeconds,
                MaxAttempts = maxAttempts,
                RetryDelayMilliseconds = 10,
            },
        });
        return new WebhookNotifier(clients, options, NullLogger<WebhookNotifier>.Instance);
    }
}
