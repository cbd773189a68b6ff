namespace ScimGateway.Gateway.OpenApi;

/// <summary>The body of <c>POST</c>, <c>PUT</c> and <c>PATCH /api/service-users</c>; on update, absent fields stay as they are.</summary>
/// <param name="Name">1 to 100 characters; required on create.</param>
/// <param name="Role"><c>Admin</c>, <c>Manager</c> or <c>Member</c> (default Member).</param>
/// <param name="Teams">Team names.</param>
public sealed record ServiceUserRequestBody(string? Name, string? Role, IReadOnlyList<string>? Teams);
