namespace ScimGateway.Gateway.Authentication;

/// <summary>Names of the bearer-token scheme.</summary>
public static class TokenAuthenticationDefaults
{
    /// <summary>The scheme name.</summary>
    public const string Scheme = "Bearer";
}
