namespace ScimGateway.Tokens.Retention;

/// <summary>What one retention run deleted.</summary>
/// <param name="UsageRollups">Hourly and daily usage rollups past their age.</param>
/// <param name="AuditRecords">Audit entries past their age.</param>
/// <param name="OrphanRecords">Usage buckets, rollups and expiry warnings of deleted tokens.</param>
public sealed record RetentionResult(int UsageRollups, int AuditRecords, int OrphanRecords);
