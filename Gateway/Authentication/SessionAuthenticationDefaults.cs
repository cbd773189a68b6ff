namespace ScimGateway.Gateway.Authentication;

/// <summary>Names and paths of the browser-session (cookie) scheme.</summary>
public static class SessionAuthenticationDefaults
{
    /// <summary>The cookie scheme.</summary>
    public const string Scheme = "Session";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "scimgateway.session";

    /// <summary>Where anonymous browsers are sent.</summary>
    public const string LoginPath = "/login";

    /// <summary>Where a new session lands.</summary>
    public const string HomePath = "/settings/tokens";
}
