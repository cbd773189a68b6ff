namespace ScimGateway.Tokens.Storage;

/// <summary>A token's latest use, as flushed from memory to the store.</summary>
public sealed record LastUseUpdate(string TokenId, DateTime UsedAt, string? Address);
