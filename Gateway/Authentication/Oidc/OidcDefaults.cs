namespace ScimGateway.Gateway.Authentication.Oidc;

/// <summary>Names of the OpenID Connect scheme.</summary>
public static class OidcDefaults
{
    /// <summary>The scheme name.</summary>
    public const string Scheme = "Oidc";

    /// <summary>The session method recorded for sessions that came from the identity provider.</summary>
    public const string SessionMethod = "oidc";
}
