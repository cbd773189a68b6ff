namespace ScimGateway.Tokens.Audit;

/// <summary>One page of the audit trail, newest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditRecord> Items, int Total, int Page, int PageSize);
