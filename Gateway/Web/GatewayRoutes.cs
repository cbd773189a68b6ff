namespace ScimGateway.Gateway.Web;

/// <summary>
/// The gateway's own paths, each spelled once. Endpoints map them, pages link to them and middleware matches them
/// from here. The SCIM base path and the Hangfire dashboard path are the Scim and Jobs modules' own constants
/// (<c>ScimEndpointRouteBuilderExtensions.BasePath</c>, <c>JobsEndpointRouteBuilderExtensions.DashboardPath</c>).
/// </summary>
public static class GatewayRoutes
{
    /// <summary>Everything under it is the HTTP API: the gateway's own endpoints, SCIM and the proxied Qualytics API.</summary>
    public const string Api = "/api";

    /// <summary>The token API: list, issue, revoke, delete, usage.</summary>
    public const string UserTokens = "/api/user-tokens";

    /// <summary>The service-user API (admins).</summary>
    public const string ServiceUsers = "/api/service-users";

    /// <summary>The audit trail (admins).</summary>
    public const string Audit = "/api/audit";

    /// <summary><c>qualytics auth login</c>'s consent page.</summary>
    public const string CliAuthorize = "/api/cli/authorize";

    /// <summary>The site root, which redirects to <see cref="TokensPage"/>.</summary>
    public const string Root = "/";

    /// <summary>The sign-in page (<c>GET</c>) and token sign-in (<c>POST</c>); where anonymous browsers are sent.</summary>
    public const string Login = "/login";

    /// <summary>Where <c>POST</c> ends a browser session.</summary>
    public const string Logout = "/logout";

    /// <summary>Starts a sign-in with the identity provider (<c>POST</c>).</summary>
    public const string LoginOidc = "/login/oidc";

    /// <summary>The page an identity-provider sign-in lands on before the session's first page.</summary>
    public const string LoginContinue = "/login/continue";

    /// <summary>The token management page: where a new session lands.</summary>
    public const string TokensPage = "/settings/tokens";

    /// <summary>The web UI's static assets.</summary>
    public const string UiAssets = "/ui";

    /// <summary>The health report.</summary>
    public const string Health = "/healthz";

    /// <summary>Liveness.</summary>
    public const string HealthLive = "/healthz/live";

    /// <summary>Readiness.</summary>
    public const string HealthReady = "/healthz/ready";

    /// <summary>The Prometheus scrape endpoint.</summary>
    public const string Metrics = "/metrics";

    /// <summary>The OpenAPI documents' route pattern.</summary>
    public const string OpenApiDocument = "/openapi/{documentName}.json";

    /// <summary>The interactive API reference.</summary>
    public const string ApiReference = "/docs/api";
}
