using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Authentication;

/// <summary>
/// Re-checks a browser session on every request against the store: the token behind it still active, its owner
/// still an active person, the role current. A revoked token or deactivated owner ends the session at once.
/// </summary>
internal sealed partial class SessionValidator(ITokenStore tokens, TokenOwners owners, TimeProvider time, ILogger<SessionValidator> logger)
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var tokenId = principal?.FindFirstValue(TokenClaimTypes.TokenId);
        var ownerId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var token = string.IsNullOrEmpty(tokenId) ? null : tokens.FindById(tokenId);
        var owner = token is null ? null : owners.Find(token.OwnerId, OwnerKind.Human);
        var valid = token is { OwnerKind: OwnerKind.Human, ScimOnly: false }
            && token.OwnerId == ownerId
            && token.StatusAt(time.GetUtcNow()) == TokenStatus.Active
            && owner is { Active: true };
        if (!valid)
        {
            LogEnded(logger, tokenId ?? "-");
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionAuthenticationDefaults.Scheme);
            return;
        }

        var current = owner!;
        if (principal!.FindFirstValue(ClaimTypes.Role) != current.Role.ToString() || principal!.Identity?.Name != current.UserName)
        {
            context.ReplacePrincipal(SessionPrincipals.Create(token!.Id, current.Id, current.UserName, current.Role));
            context.ShouldRenew = true;
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Ended the browser session of token {TokenId}: the token or its owner is no longer active.")]
    private static partial void LogEnded(ILogger logger, string tokenId);
}
