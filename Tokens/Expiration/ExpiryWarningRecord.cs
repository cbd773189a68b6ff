using System.Globalization;

namespace ScimGateway.Tokens.Expiration;

/// <summary>One expiry warning of one token at one threshold.</summary>
public sealed class ExpiryWarningRecord
{
    /// <summary>Token id and threshold (<see cref="KeyOf"/>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The token.</summary>
    public string TokenId { get; set; } = "";

    /// <summary>The threshold in days.</summary>
    public int ThresholdDays { get; set; }

    /// <summary>When the warning was written to the log (once).</summary>
    public DateTime LoggedAt { get; set; }

    /// <summary>When the webhook accepted it; null while not delivered.</summary>
    public DateTime? DeliveredAt { get; set; }

    /// <summary>When delivery was given up because the receiver rejected it (4xx other than 408 and 429).</summary>
    public DateTime? GaveUpAt { get; set; }

    /// <summary>Runs in which delivery failed and was left for the next run.</summary>
    public int FailedRuns { get; set; }

    /// <summary>True when the webhook needs nothing more for this warning.</summary>
    public bool Settled => DeliveredAt is not null || GaveUpAt is not null;

    /// <summary>A new, undelivered warning announced at <paramref name="loggedAt"/>.</summary>
    public static ExpiryWarningRecord Announced(string tokenId, int thresholdDays, DateTime loggedAt) => new()
    {
        Id = KeyOf(tokenId, thresholdDays),
        TokenId = tokenId,
        ThresholdDays = thresholdDays,
        LoggedAt = loggedAt,
    };

    /// <summary>The <see cref="Id"/> of a token's warning at a threshold.</summary>
    public static string KeyOf(string tokenId, int thresholdDays) =>
        tokenId + "|" + thresholdDays.ToString(CultureInfo.InvariantCulture);
}
