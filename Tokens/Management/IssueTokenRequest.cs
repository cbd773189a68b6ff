namespace ScimGateway.Tokens.Management;

/// <summary>What a client asks for when creating a token.</summary>
/// <param name="Name">1-255 characters, unique per owner.</param>
/// <param name="ExpiresInDays">1-365, or null for a token that never expires.</param>
/// <param name="ScimOnly">A SCIM-administration token (admins only).</param>
/// <param name="ServiceUserId">Set for a service token (admins only): the service user that will own it.</param>
public sealed record IssueTokenRequest(string Name, int? ExpiresInDays, bool ScimOnly, string? ServiceUserId);
