namespace ScimGateway.Gateway.Authentication;

/// <summary>Names of the browser-session (cookie) scheme; its paths are in <see cref="Web.GatewayRoutes"/>.</summary>
public static class SessionAuthenticationDefaults
{
    /// <summary>The cookie scheme.</summary>
    public const string Scheme = "Session";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "scimgateway.session";

    /// <summary>The claim that carries the server-side session id.</summary>
    public const string SessionIdClaim = "sid";

    /// <summary>The query parameter that tells the sign-in page why a session ended.</summary>
    public const string EndedParameter = "ended";
}
