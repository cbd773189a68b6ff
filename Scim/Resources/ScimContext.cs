namespace ScimGateway.Scim.Resources;

/// <summary>Per-request facts resources need: the absolute SCIM base URL (for <c>meta.location</c> and <c>$ref</c>).</summary>
/// <param name="BaseUrl">For example <c>https://host/api/scim/v2</c>, without a trailing slash.</param>
public sealed record ScimContext(string BaseUrl);
