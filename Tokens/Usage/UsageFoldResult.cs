namespace ScimGateway.Tokens.Usage;

/// <summary>What one fold did.</summary>
/// <param name="Buckets">Minute buckets folded and deleted.</param>
/// <param name="Requests">Requests they held.</param>
/// <param name="Tokens">Distinct tokens they concerned.</param>
/// <param name="LatestMinute">The latest minute folded; null when there was nothing to fold.</param>
public sealed record UsageFoldResult(int Buckets, long Requests, int Tokens, DateTime? LatestMinute);
