namespace ScimGateway.Tokens.Usage;

/// <summary>One day of a token's usage, as the usage endpoint shows it.</summary>
/// <param name="Date">The UTC date, <c>yyyy-MM-dd</c>.</param>
/// <param name="Requests">All requests.</param>
/// <param name="Success">Requests answered 1xx-3xx.</param>
/// <param name="ClientError">Requests answered 4xx.</param>
/// <param name="ServerError">Requests answered 5xx.</param>
public sealed record DailyUsage(string Date, long Requests, long Success, long ClientError, long ServerError);
