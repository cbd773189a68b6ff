using ScimGateway.Tokens.Management;

namespace ScimGateway.Gateway.OpenApi;

/// <summary>The answer of <c>PUT /api/user-tokens/{id}</c>: the token JSON plus the confirmation <c>message</c>.</summary>
public sealed record TokenChangeView(
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
    string Message);
