namespace ScimGateway.Gateway.Authentication;

/// <summary>How people sign in to the web UI, section <c>Authentication</c>.</summary>
public sealed class SignInOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Authentication";

    /// <summary>
    /// Whether a person may sign in by pasting one of their personal access tokens (<c>POST /login</c>). Can be turned
    /// off only once OpenID Connect is configured, so that nobody is locked out.
    /// </summary>
    public bool TokenSignIn { get; set; } = true;

    /// <summary>Sign-in with the company's identity provider.</summary>
    public OidcSignInOptions Oidc { get; set; } = new();

    /// <summary>Lifetimes of browser sessions.</summary>
    public SessionLifetimeOptions Session { get; set; } = new();
}
