namespace ScimGateway.Tokens.Management;

/// <summary>A token's owner as the API shows it.</summary>
public sealed record OwnerView(string Id, string UserId, string UserName, string? Email, string? Name, string Role, string UserType);
