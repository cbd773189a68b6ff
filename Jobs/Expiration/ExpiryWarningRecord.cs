namespace ScimGateway.Jobs.Expiration;

/// <summary>One expiry warning of one token at one threshold, collection <c>expiry_warnings</c>.</summary>
public sealed class ExpiryWarningRecord
{
    /// <summary>Token id and threshold.</summary>
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
}
