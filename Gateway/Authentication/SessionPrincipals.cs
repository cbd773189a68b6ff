using System.Security.Claims;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Authentication;

/// <summary>
/// Builds the principal a browser session carries: the same claims as a personal token's, so every endpoint treats
/// both alike, plus the server-side session id. The cookie holds ids only, never a token.
/// </summary>
internal static class SessionPrincipals
{
    public static ClaimsPrincipal Create(string sessionId, string ownerId, string userName, Role role, string? tokenId)
    {
        var claims = new List<Claim>
        {
            new(SessionAuthenticationDefaults.SessionIdClaim, sessionId),
            new(ClaimTypes.NameIdentifier, ownerId),
            new(ClaimTypes.Name, userName),
            new(ClaimTypes.Role, role.ToString()),
            new(TokenClaimTypes.UserType, nameof(OwnerKind.Human)),
            new(TokenClaimTypes.TokenKind, TokenTypes.Personal),
            new(TokenClaimTypes.ScimOnly, "false"),
        };
        if (tokenId is not null)
        {
            claims.Add(new Claim(TokenClaimTypes.TokenId, tokenId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, SessionAuthenticationDefaults.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
