namespace ScimGateway.Tokens.Management;

/// <summary>A token as the API shows it (never the token itself). Property names map to Qualytics' snake_case JSON.</summary>
public sealed record TokenView(
    string Id,
    DateTimeOffset Created,
    string Name,
    string Type,
    string Status,
    bool Active,
    DateTimeOffset? Expiration,
    DateTimeOffset? LastUsed,
    string? LastUsedAddress,
    bool ScimEndpointsOnly,
    OwnerView User);
