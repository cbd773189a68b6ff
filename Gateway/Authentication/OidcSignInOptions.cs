namespace ScimGateway.Gateway.Authentication;

/// <summary>OpenID Connect sign-in (authorization-code flow with PKCE), section <c>Authentication:Oidc</c>.</summary>
public sealed class OidcSignInOptions
{
    /// <summary>The issuer URL, e.g. <c>https://example.okta.com</c>; empty turns OpenID Connect sign-in off.</summary>
    public string? Authority { get; set; }

    /// <summary>The client (application) id registered at the identity provider.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret (kept in the environment or a secret store, not in the file).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for; <c>openid</c> is always sent.</summary>
    public string[] Scopes { get; set; } = ["openid", "profile", "email"];

    /// <summary>The ID-token claim that identifies the person (<c>email</c>, <c>preferred_username</c>, <c>sub</c>, <c>oid</c>...).</summary>
    public string PersonClaim { get; set; } = "email";

    /// <summary>Which SCIM attribute the claim is matched against.</summary>
    public OidcPersonMatch MatchOn { get; set; } = OidcPersonMatch.UserName;

    /// <summary>The name on the button: "Sign in with &lt;DisplayName&gt;".</summary>
    public string DisplayName { get; set; } = "your identity provider";

    /// <summary>Whether the discovery document must come over HTTPS (turn off only for a loopback test provider).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether OpenID Connect sign-in is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
