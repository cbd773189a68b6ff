namespace ScimGateway.Tokens.Usage;

/// <summary>A token's daily usage, every day of the range included.</summary>
/// <param name="TokenId">The token.</param>
/// <param name="Days">One entry per UTC day, oldest first.</param>
/// <param name="LastUsed">The latest use known, including what is still in memory.</param>
/// <param name="LastUsedAddress">Its client address.</param>
/// <param name="Total">The sum over <paramref name="Days"/>.</param>
public sealed record TokenUsageView(string TokenId, IReadOnlyList<DailyUsage> Days, DateTimeOffset? LastUsed, string? LastUsedAddress, UsageTotals Total);
