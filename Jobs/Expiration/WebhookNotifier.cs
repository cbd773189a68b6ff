using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScimGateway.Jobs.Expiration;

/// <summary>
/// POSTs expiry notices to <c>Jobs:Notifications:WebhookUrl</c> with bounded retries: at most
/// <see cref="NotificationOptions.MaxAttempts"/> attempts of at most <see cref="NotificationOptions.TimeoutSeconds"/>
/// each, with a doubling delay between them.
/// </summary>
public sealed partial class WebhookNotifier(IHttpClientFactory clients, IOptions<JobsOptions> options, ILogger<WebhookNotifier> logger)
{
    /// <summary>The named <see cref="HttpClient"/>.</summary>
    public const string ClientName = "jobs-webhook";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>True when a webhook is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.Notifications.WebhookUrl);

    /// <summary>Delivers one notice.</summary>
    public async Task<DeliveryResult> SendAsync(ExpiryNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var settings = options.Value.Notifications;
        var url = new Uri(settings.WebhookUrl!, UriKind.Absolute);
        using var client = clients.CreateClient(ClientName);
        client.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        var delay = TimeSpan.FromMilliseconds(settings.RetryDelayMilliseconds);
        for (var attempt = 1; ; attempt++)
        {
            var status = await PostAsync(client, url, notice, cancellationToken);
            if (status is >= 200 and < 300)
            {
                LogDelivered(logger, notice.TokenId, notice.ThresholdDays, attempt);
                return DeliveryResult.Delivered;
            }

            if (status is >= 400 and < 500 and not (int)HttpStatusCode.RequestTimeout and not (int)HttpStatusCode.TooManyRequests)
            {
                LogRejected(logger, notice.TokenId, notice.ThresholdDays, status.Value);
                return DeliveryResult.Rejected;
            }

            if (attempt >= settings.MaxAttempts)
            {
                LogFailed(logger, notice.TokenId, notice.ThresholdDays, attempt);
                return DeliveryResult.Failed;
            }

            // Backoff is infrastructure time, like Hangfire's own scheduling: it waits on the real clock.
            await Task.Delay(delay, cancellationToken);
            delay *= 2;
        }
    }

    /// <summary>The response status, or null when there was none (timeout or network error).</summary>
    private async Task<int?> PostAsync(HttpClient client, Uri url, ExpiryNotice notice, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(url, notice, Json, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            LogAttemptFailed(logger, notice.TokenId, ex.Message);
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogAttemptFailed(logger, notice.TokenId, "the request timed out");
            return null;
        }
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Delivered the {ThresholdDays}-day expiry warning of token {TokenId} to the webhook (attempt {Attempt}).")]
    private static partial void LogDelivered(ILogger logger, string tokenId, int thresholdDays, int attempt);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Warning, Message = "The webhook rejected the {ThresholdDays}-day expiry warning of token {TokenId} with status {Status}; it will not be retried.")]
    private static partial void LogRejected(ILogger logger, string tokenId, int thresholdDays, int status);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning, Message = "Could not deliver the {ThresholdDays}-day expiry warning of token {TokenId} after {Attempts} attempts; the next run tries again.")]
    private static partial void LogFailed(ILogger logger, string tokenId, int thresholdDays, int attempts);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Debug, Message = "A webhook attempt for token {TokenId} failed: {Reason}.")]
    private static partial void LogAttemptFailed(ILogger logger, string tokenId, string reason);
}
