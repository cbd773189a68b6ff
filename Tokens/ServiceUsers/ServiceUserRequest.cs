namespace ScimGateway.Tokens.ServiceUsers;

/// <summary>Create or update a service user. On update, a null field means "leave as it is".</summary>
public sealed record ServiceUserRequest(string? Name, Role? Role, IReadOnlyList<string>? Teams);
