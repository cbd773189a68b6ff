namespace ScimGateway.Jobs.Expiration;

/// <summary>The owner part of an <see cref="ExpiryNotice"/>.</summary>
/// <param name="Id">The owner id.</param>
/// <param name="UserName">Login name (service users: their id).</param>
/// <param name="Name">Display name, if any.</param>
/// <param name="Email">Email, if any.</param>
/// <param name="UserType"><c>Human</c> or <c>Service</c>.</param>
public sealed record ExpiryNoticeOwner(string Id, string UserName, string? Name, string? Email, string UserType);
