namespace ScimGateway.Gateway.OpenApi;

/// <summary>The body of <c>PUT /api/user-tokens/{id}</c>.</summary>
/// <param name="Revoke">True revokes the token at once; false restores a revoked token that has not expired.</param>
public sealed record RevokeTokenRequest(bool Revoke);
