namespace ScimGateway.Tokens.ServiceUsers;

/// <summary>A service user as the API shows it.</summary>
public sealed record ServiceUserView(
    string Id,
    string UserId,
    string Name,
    string Role,
    IReadOnlyList<string> Teams,
    bool Active,
    DateTimeOffset Created,
    string CreatedBy,
    DateTimeOffset Updated,
    DateTimeOffset? DeactivatedAt,
    string UserType);
