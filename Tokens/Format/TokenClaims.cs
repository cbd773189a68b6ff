namespace ScimGateway.Tokens.Format;

/// <summary>The claims a gateway token carries. Clients such as the <c>qualytics</c> CLI read <c>exp</c> without the key.</summary>
/// <param name="TokenId">The <c>jti</c>: the token's id.</param>
/// <param name="OwnerId">The <c>sub</c>: the owner's id.</param>
/// <param name="Kind">The token kind, <c>personal</c> or <c>service</c>.</param>
/// <param name="ScimOnly">Whether the token may call only the SCIM endpoints.</param>
/// <param name="IssuedAt">The <c>iat</c>.</param>
/// <param name="ExpiresAt">The <c>exp</c>; null for tokens that never expire.</param>
public sealed record TokenClaims(string TokenId, string OwnerId, string Kind, bool ScimOnly, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt);
