namespace ScimGateway.Gateway.Authentication;

/// <summary>Names of the browser-session (cookie) scheme and of the scheme that picks bearer or session.</summary>
public static class SessionAuthenticationDefaults
{
    /// <summary>The cookie scheme.</summary>
    public const string Scheme = "Session";

    /// <summary>The default scheme: bearer when an Authorization header came, the session when its cookie came.</summary>
    public const string SelectorScheme = "BearerOrSession";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "scimgateway.session";

    /// <summary>Where anonymous browsers are sent.</summary>
    public const string LoginPath = "/login";

    /// <summary>Where a new session lands.</summary>
    public const string HomePath = "/settings/tokens";
}
