namespace ScimGateway.Tokens.ServiceUsers;

/// <summary>Filters for listing service users; every one is optional.</summary>
/// <param name="Search">Part of the name or id, case-insensitive.</param>
/// <param name="Role">Only this role.</param>
/// <param name="Team">Only members of this team.</param>
/// <param name="Active">Only active (true) or only deactivated (false) users.</param>
public sealed record ServiceUserQuery(string? Search = null, Role? Role = null, string? Team = null, bool? Active = null);
