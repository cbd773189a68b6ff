using System.Security.Claims;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Authentication;

/// <summary>
/// Builds the principal a browser session carries: the same claims as a personal token's, so every endpoint treats
/// both alike. The cookie holds the token id and owner id only, never the token.
/// </summary>
internal static class SessionPrincipals
{
    public static ClaimsPrincipal Create(string tokenId, string ownerId, string userName, Role role) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, ownerId),
            new Claim(ClaimTypes.Name, userName),
            new Claim(ClaimTypes.Role, role.ToString()),
            new Claim(TokenClaimTypes.TokenId, tokenId),
            new Claim(TokenClaimTypes.UserType, nameof(OwnerKind.Human)),
            new Claim(TokenClaimTypes.TokenKind, "personal"),
            new Claim(TokenClaimTypes.ScimOnly, "false"),
        ],
        authenticationType: SessionAuthenticationDefaults.Scheme,
        nameType: ClaimTypes.Name,
        roleType: ClaimTypes.Role));
}
