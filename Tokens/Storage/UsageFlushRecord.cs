namespace ScimGateway.Tokens.Storage;

/// <summary>
/// A usage flush already written, remembered so that a retry after a lost acknowledgement is skipped. Only storage
/// copies see it as a record; the stores keep it as a key of their own.
/// </summary>
/// <param name="NodeId">The node that flushed.</param>
/// <param name="FlushId">The flush's id, unique per node.</param>
/// <param name="AppliedAt">When the flush was written (UTC).</param>
public sealed record UsageFlushRecord(string NodeId, string FlushId, DateTime AppliedAt);
