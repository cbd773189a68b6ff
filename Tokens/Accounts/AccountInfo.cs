namespace ScimGateway.Tokens.Accounts;

/// <summary>What the token module needs to know about a human token owner.</summary>
/// <param name="Id">The stable id of the person (the SCIM User id).</param>
/// <param name="UserName">The login name.</param>
/// <param name="DisplayName">A name to show, if any.</param>
/// <param name="Email">The primary email, if any.</param>
/// <param name="Role">The effective role, already resolved from roles and group mappings.</param>
/// <param name="Active">False when the identity provider deactivated the person.</param>
public sealed record AccountInfo(string Id, string UserName, string? DisplayName, string? Email, Role Role, bool Active);
