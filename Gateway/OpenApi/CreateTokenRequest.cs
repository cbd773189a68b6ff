namespace ScimGateway.Gateway.OpenApi;

/// <summary>The body of <c>POST /api/user-tokens</c> (documentation only: the handler reads the JSON itself to give precise errors).</summary>
/// <param name="Name">1 to 255 characters, unique per owner (case-insensitive).</param>
/// <param name="ExpiresInDays">1 to 365, or null for a token that never expires. Required.</param>
/// <param name="ScimEndpointsOnly">A SCIM-administration token (admins only): it may call only the SCIM endpoints.</param>
/// <param name="UserId">A service user's id, to issue a service token (admins only); absent for a personal token.</param>
public sealed record CreateTokenRequest(string Name, int? ExpiresInDays, bool? ScimEndpointsOnly, string? UserId);
