using System.Security.Claims;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Api;

/// <summary>Turns the authenticated principal into the token module's <see cref="Caller"/>.</summary>
internal static class CallerResolver
{
    public static Caller From(HttpContext context)
    {
        var user = context.User;
        return new Caller(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            Enum.TryParse<OwnerKind>(user.FindFirstValue(TokenClaimTypes.UserType), out var kind) ? kind : OwnerKind.Human,
            user.Identity?.Name ?? "",
            RoleNames.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : Role.Member,
            user.HasClaim(TokenClaimTypes.ScimOnly, "true"),
            context.Connection.RemoteIpAddress?.ToString());
    }
}
