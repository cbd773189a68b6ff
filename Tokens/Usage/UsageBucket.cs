namespace ScimGateway.Tokens.Usage;

/// <summary>
/// Requests of one token in one minute as one node flushed them, collection <c>usage_minutes</c>. Buckets are only
/// ever inserted (a node that flushes one minute twice writes two buckets), so folding can delete exactly the buckets
/// it read without racing a flush that adds to one.
/// </summary>
public sealed class UsageBucket
{
    /// <summary>Node id, token id, minute and flush sequence.</summary>
    public string Id { get; set; } = "";

    /// <summary>The node that counted the requests.</summary>
    public string NodeId { get; set; } = "";

    /// <summary>The token.</summary>
    public string TokenId { get; set; } = "";

    /// <summary>The start of the UTC minute.</summary>
    public DateTime Minute { get; set; }

    /// <summary>Requests answered 1xx-3xx.</summary>
    public long Success { get; set; }

    /// <summary>Requests answered 4xx.</summary>
    public long ClientError { get; set; }

    /// <summary>Requests answered 5xx.</summary>
    public long ServerError { get; set; }

    /// <summary>The latest request in the bucket (UTC).</summary>
    public DateTime LastUsedAt { get; set; }

    /// <summary>Its client address.</summary>
    public string? LastUsedAddress { get; set; }
}
