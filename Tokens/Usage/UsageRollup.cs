namespace ScimGateway.Tokens.Usage;

/// <summary>Folded requests of one token in one hour (<c>usage_hourly</c>) or one day (<c>usage_daily</c>).</summary>
public sealed class UsageRollup
{
    /// <summary>Token id and period.</summary>
    public string Id { get; set; } = "";

    /// <summary>The token.</summary>
    public string TokenId { get; set; } = "";

    /// <summary>The start of the UTC hour or day.</summary>
    public DateTime Period { get; set; }

    /// <summary>Requests answered 1xx-3xx.</summary>
    public long Success { get; set; }

    /// <summary>Requests answered 4xx.</summary>
    public long ClientError { get; set; }

    /// <summary>Requests answered 5xx.</summary>
    public long ServerError { get; set; }

    /// <summary>The latest request in the period (UTC).</summary>
    public DateTime LastUsedAt { get; set; }

    /// <summary>Its client address.</summary>
    public string? LastUsedAddress { get; set; }
}
