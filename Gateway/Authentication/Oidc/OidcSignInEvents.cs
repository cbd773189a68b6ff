using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ScimGateway.Gateway.Authentication.Sessions;
using ScimGateway.Gateway.Web;

namespace ScimGateway.Gateway.Authentication.Oidc;

/// <summary>
/// Where the OpenID Connect handler meets the directory: a person the directory knows and holds active gets a
/// session with the directory's role; anyone else, and every failure of the protocol (provider unreachable, wrong
/// client secret, state or nonce mismatch, a replayed callback, clock skew), ends on a page that says what happened
/// and starts no session.
/// </summary>
internal sealed partial class OidcSignInEvents(OidcPersonMatcher matcher, BrowserSessions sessions, ILogger<OidcSignInEvents> logger)
{
    private const string IdTokenHintItem = "scimgateway.id_token_hint";

    /// <summary>Keeps the raw ID token in the session (encrypted in the cookie) for <c>id_token_hint</c> at sign-out.</summary>
    public static Task KeepIdTokenForSignOut(TokenValidatedContext context)
    {
        var idToken = context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage?.IdToken;
        if (!string.IsNullOrEmpty(idToken))
        {
            context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The session is already ended on the server when the handler builds the sign-out request, so the hint travels
    /// in the sign-out properties.
    /// </summary>
    public static Task AddIdTokenHint(RedirectContext context)
    {
        if (string.IsNullOrEmpty(context.ProtocolMessage.IdTokenHint) && context.Properties.Items.TryGetValue(IdTokenHintItem, out var hint))
        {
            context.ProtocolMessage.IdTokenHint = hint;
        }

        context.Properties.Items.Remove(IdTokenHintItem);
        return Task.CompletedTask;
    }

    /// <summary>Sign-out properties that carry the ID token as hint.</summary>
    public static AuthenticationProperties SignOutProperties(string redirectUri, string? idToken)
    {
        var properties = new AuthenticationProperties { RedirectUri = redirectUri };
        if (!string.IsNullOrEmpty(idToken))
        {
            properties.Items[IdTokenHintItem] = idToken;
        }

        return properties;
    }

    public async Task OnTicketReceivedAsync(TicketReceivedContext context)
    {
        var match = matcher.Match(context.Principal!);
        if (match.Person is not { } person)
        {
            LogRefused(logger, match.ClaimValue ?? "-");
            context.HandleResponse();
            await OidcPages.WriteRefusedAsync(context.HttpContext, match.Refusal!);
            return;
        }

        var session = sessions.Start(person.Id, OidcDefaults.SessionMethod, null);
        context.Principal = GatewayPrincipal.ForSession(session.Id, person.Id, person.UserName, person.Role, null).ToClaimsPrincipal();
        context.Properties!.IsPersistent = false;
        context.ReturnUri = OidcPages.ContinueUri(context.ReturnUri);
        LogSignedIn(logger, person.Id);
    }

    public async Task OnRemoteFailureAsync(RemoteFailureContext context)
    {
        LogFailed(logger, context.Failure?.GetType().Name ?? "-", context.Failure?.Message ?? "-");
        context.HandleResponse();
        await OidcPages.WriteFailureAsync(context.HttpContext, context.Failure);
    }

    [LoggerMessage(EventId = 8010, Level = LogLevel.Information, Message = "Started a browser session for {OwnerId} through OpenID Connect.")]
    private static partial void LogSignedIn(ILogger logger, string ownerId);

    [LoggerMessage(EventId = 8011, Level = LogLevel.Warning, Message = "Refused an OpenID Connect sign-in for {ClaimValue}: not an active person in the directory.")]
    private static partial void LogRefused(ILogger logger, string claimValue);

    [LoggerMessage(EventId = 8012, Level = LogLevel.Warning, Message = "OpenID Connect sign-in failed ({FailureType}): {FailureMessage}")]
    private static partial void LogFailed(ILogger logger, string failureType, string failureMessage);
}
