using System.Security.Claims;
using ScimGateway.Scim.Endpoints;

namespace ScimGateway.Gateway.Authentication;

/// <summary>
/// The one place that decides the SCIM-only rule: a SCIM-administration token may call only the SCIM endpoints
/// (<c>/api/scim/v2</c>: Users, Groups, Bulk and discovery), and no other credential may call them. The authorization
/// policies, the proxy's access check and the 403 wording all ask this type.
/// </summary>
internal static class ScimOnlyRule
{
    /// <summary>True when <paramref name="path"/> is under the SCIM base path.</summary>
    public static bool IsScimPath(PathString path) =>
        path.StartsWithSegments(ScimEndpointRouteBuilderExtensions.BasePath, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// True when a credential that is (<paramref name="scimOnly"/>) or is not a SCIM-administration token may call a
    /// SCIM endpoint (<paramref name="scimEndpoint"/>) or any other endpoint, the proxied API included.
    /// </summary>
    public static bool Allows(bool scimOnly, bool scimEndpoint) => scimOnly == scimEndpoint;

    /// <summary>The same decision for an authenticated principal.</summary>
    public static bool Allows(ClaimsPrincipal user, bool scimEndpoint) => Allows(GatewayPrincipal.IsScimOnly(user), scimEndpoint);

    /// <summary>Why a 403 was given, for the body and <c>WWW-Authenticate</c>: names the side of the rule that was broken.</summary>
    public static string Refusal(bool scimOnly, PathString path)
    {
        var scim = IsScimPath(path);
        return scimOnly && !scim ? "SCIM administration tokens may call only the SCIM endpoints."
            : scim ? "Only SCIM administration tokens may call the SCIM endpoints."
            : "This token is not allowed to call this endpoint.";
    }
}
