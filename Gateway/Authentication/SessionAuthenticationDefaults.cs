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

    /// <summary>The claim that carries the server-side session id.</summary>
    public const string SessionIdClaim = "sid";

    /// <summary>Where <c>POST</c> ends a session.</summary>
    public const string LogoutPath = "/logout";

    /// <summary>The query parameter that tells the sign-in page why a session ended.</summary>
    public const string EndedParameter = "ended";

    /// <summary>Where a new session lands.</summary>
    public const string HomePath = "/settings/tokens";
}
