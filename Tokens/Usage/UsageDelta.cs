namespace ScimGateway.Tokens.Usage;

/// <summary>Requests of one token in one minute not yet written to the store.</summary>
/// <param name="TokenId">The token.</param>
/// <param name="Minute">The start of the UTC minute.</param>
/// <param name="Success">Requests answered 1xx-3xx.</param>
/// <param name="ClientError">Requests answered 4xx.</param>
/// <param name="ServerError">Requests answered 5xx.</param>
/// <param name="LastUsedAt">The latest request in that minute (UTC).</param>
/// <param name="LastUsedAddress">Its client address.</param>
public sealed record UsageDelta(string TokenId, DateTime Minute, long Success, long ClientError, long ServerError,
    DateTime LastUsedAt, string? LastUsedAddress)
{
    /// <summary>All requests.</summary>
    public long Requests => Success + ClientError + ServerError;
}
