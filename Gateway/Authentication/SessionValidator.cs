using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ScimGateway.Gateway.Authentication.Sessions;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Gateway.Authentication;

/// <summary>
/// Re-checks a browser session on every request against the store: the server-side session still open and within
/// its absolute lifetime, the token a token sign-in used still active, the person still active in the directory,
/// the role current. Any change ends the session at once, for every copy of the cookie.
/// </summary>
internal sealed partial class SessionValidator(BrowserSessions sessions, ITokenStore tokens, TokenOwners owners, TimeProvider time, ILogger<SessionValidator> logger)
{
    /// <summary>The <see cref="HttpContext.Items"/> key under which the reason of a rejected session travels to the challenge.</summary>
    public const string EndReasonItem = "scimgateway.session-ended";

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = GatewayPrincipal.From(context.Principal);
        var sessionId = principal?.SessionId;
        var session = string.IsNullOrEmpty(sessionId) ? null : sessions.Find(sessionId);
        var owner = session is null ? null : owners.Find(session.OwnerId, OwnerKind.Human);
        var reason = Check(session, principal?.SubjectId, owner);
        if (reason is not null)
        {
            if (session is not null)
            {
                sessions.End(session.Id, reason);
            }

            LogRejected(logger, reason);
            context.HttpContext.Items[EndReasonItem] = reason;
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SessionAuthenticationDefaults.Scheme);
            return;
        }

        var current = owner!;
        if (principal is null)
        {
            return;
        }

        if (principal.Role != current.Role || principal.UserName != current.UserName)
        {
            context.ReplacePrincipal(GatewayPrincipal.ForSession(session!.Id, current.Id, current.UserName, current.Role, session.TokenId).ToClaimsPrincipal());
            context.ShouldRenew = true;
        }
    }

    private string? Check(BrowserSessionRecord? session, string? ownerId, TokenOwner? owner)
    {
        if (session is null || session.OwnerId != ownerId)
        {
            return SessionEndReasons.Ended;
        }

        if (session.EndedAt is not null)
        {
            return session.EndReason ?? SessionEndReasons.Ended;
        }

        var now = time.GetUtcNow();
        if (now.UtcDateTime >= session.ExpiresAt)
        {
            return SessionEndReasons.Expired;
        }

        if (owner is not { Active: true })
        {
            return SessionEndReasons.Inactive;
        }

        if (session.TokenId is { } tokenId
            && (tokens.FindById(tokenId) is not { OwnerKind: OwnerKind.Human, ScimOnly: false } token
                || token.OwnerId != session.OwnerId
                || token.StatusAt(now) != TokenStatus.Active))
        {
            return SessionEndReasons.TokenEnded;
        }

        return null;
    }

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Refused a browser session: {Reason}.")]
    private static partial void LogRejected(ILogger logger, string reason);
}
