using Microsoft.AspNetCore.Authorization;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Authentication;

/// <summary>The named authorization policies endpoints and proxy routes carry.</summary>
public static class GatewayPolicies
{
    /// <summary>
    /// Any non-SCIM token, or a browser session (through the default scheme, which picks bearer or session): the
    /// token API and the proxied Qualytics API.
    /// </summary>
    public const string ApiToken = "api-token";

    /// <summary>SCIM-administration tokens only.</summary>
    public const string ScimToken = "scim-token";

    /// <summary>Non-SCIM credentials of an owner with the Admin role.</summary>
    public const string Admin = "admin";

    /// <summary>Admins with a browser session: the Hangfire dashboard. A bearer token alone does not open it.</summary>
    public const string AdminSession = "admin-session";

    /// <summary>Any signed-in browser session: the token management page.</summary>
    public const string Session = "session";

    private static readonly GatewayCallerRequirement s_apiCaller = new(ScimEndpoint: false);
    private static readonly GatewayCallerRequirement s_scimCaller = new(ScimEndpoint: true);

    /// <summary>Registers the policies.</summary>
    public static AuthorizationBuilder AddGatewayPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(ApiToken, policy => policy.AddRequirements(s_apiCaller))
            .AddPolicy(ScimToken, policy => policy.AddRequirements(s_scimCaller))
            .AddPolicy(Admin, policy => policy.AddRequirements(s_apiCaller).RequireRole(nameof(Role.Admin)))
            .AddPolicy(Session, policy => policy.AddAuthenticationSchemes(SessionAuthenticationDefaults.Scheme).RequireAuthenticatedUser())
            .AddPolicy(AdminSession, policy => policy.AddAuthenticationSchemes(SessionAuthenticationDefaults.Scheme)
                .RequireAuthenticatedUser()
                .RequireRole(nameof(Role.Admin)));
    }
}
