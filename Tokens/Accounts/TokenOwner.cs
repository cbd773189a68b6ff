namespace ScimGateway.Tokens.Accounts;

/// <summary>A token owner of either kind, as the token module shows and checks it.</summary>
/// <param name="Id">The owner's id (SCIM id, or the service user id).</param>
/// <param name="Kind">Person or service user.</param>
/// <param name="UserName">Login name; for service users, their id.</param>
/// <param name="Name">A display name.</param>
/// <param name="Email">An email, if any.</param>
/// <param name="Role">The effective role.</param>
/// <param name="Active">False when deactivated.</param>
public sealed record TokenOwner(string Id, OwnerKind Kind, string UserName, string? Name, string? Email, Role Role, bool Active);
