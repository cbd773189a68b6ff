namespace ScimGateway.Jobs.Expiration;

/// <summary>What became of one webhook delivery.</summary>
public enum DeliveryResult
{
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed with 5xx, 408, 429, a timeout or a network error: try again next run.</summary>
    Failed,

    /// <summary>The receiver answered another 4xx: retrying the same body cannot help.</summary>
    Rejected,
}
