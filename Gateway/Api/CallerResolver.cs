using ScimGateway.Gateway.Authentication;
using ScimGateway.Tokens.Management;

namespace ScimGateway.Gateway.Api;

/// <summary>
/// Turns the request's principal into the token module's <see cref="Caller"/>, through <see cref="GatewayPrincipal"/>:
/// the endpoints' one way to ask who is calling.
/// </summary>
internal static class CallerResolver
{
    public static Caller From(HttpContext context)
    {
        // Endpoints that call this require an authenticated caller; an anonymous one maps to an empty member, which
        // every token rule refuses, as before.
        var principal = GatewayPrincipal.From(context.User)
            ?? new GatewayPrincipal("", context.User.Identity?.Name ?? "", Tokens.OwnerKind.Human, Tokens.Role.Member, null, false, CallerAuthentication.BearerToken, null);
        return principal.ToCaller(context.Connection.RemoteIpAddress?.ToString());
    }
}
