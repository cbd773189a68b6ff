namespace ScimGateway.Tokens.Usage;

/// <summary>Requests over a range of days.</summary>
/// <param name="Requests">All requests.</param>
/// <param name="Success">Requests answered 1xx-3xx.</param>
/// <param name="ClientError">Requests answered 4xx.</param>
/// <param name="ServerError">Requests answered 5xx.</param>
public sealed record UsageTotals(long Requests, long Success, long ClientError, long ServerError);
