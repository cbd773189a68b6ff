namespace ScimGateway.Tokens.Management;

/// <summary>A newly created token: the only time the token itself exists outside the client.</summary>
public sealed record IssuedToken(TokenView Token, string BearerToken);
