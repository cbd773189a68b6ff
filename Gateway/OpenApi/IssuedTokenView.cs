using ScimGateway.Tokens.Management;

namespace ScimGateway.Gateway.OpenApi;

/// <summary>The answer of <c>POST /api/user-tokens</c>: the token JSON plus <c>bearer_token</c>, shown this once only.</summary>
public sealed record IssuedTokenView(
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
    OwnerView User,
    string BearerToken);
