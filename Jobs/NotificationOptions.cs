using System.ComponentModel.DataAnnotations;

namespace ScimGateway.Jobs;

/// <summary>Expiry-warning delivery, section <c>Jobs:Notifications</c>.</summary>
public sealed class NotificationOptions
{
    /// <summary>Absolute http(s) URL that receives a JSON POST per expiry warning; warnings go to the log only when empty.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Timeout of one POST.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>POSTs per warning and run before the warning is left for the next run.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Delay before the second attempt; doubled before each further one.</summary>
    [Range(0, 60_000)]
    public int RetryDelayMilliseconds { get; set; } = 1000;
}
