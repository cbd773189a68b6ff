using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.Authentication.Sessions;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Web;

/// <summary>
/// <c>/login</c> and <c>/logout</c>: a person signs in with their identity provider (OpenID Connect) or with one of
/// their personal access tokens and gets a cookie session. Service users and SCIM tokens cannot sign in.
/// </summary>
internal static partial class LoginPage
{
    public static IEndpointRouteBuilder MapLoginPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(GatewayRoutes.Login, Show).AllowAnonymous();
        endpoints.MapPost(GatewayRoutes.Login, SignInAsync).AllowAnonymous();
        endpoints.MapPost(GatewayRoutes.Logout, SignOutAsync).AllowAnonymous();
        endpoints.MapOidcSignIn();
        return endpoints;
    }

    private static IResult Show(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? ended) =>
        SignInForm.Result(context, antiforgery, StatusCodes.Status200OK, null, returnUrl, SessionEndReasons.Describe(ended));

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, TokenValidator validator,
        BrowserSessions sessions, IOptions<SignInOptions> options, ILogger<BrowserSessions> logger, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: "Send the sign-in form as application/x-www-form-urlencoded.");
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            // Over the form limits: a client error, not a server one.
            return SignInForm.Result(context, antiforgery, StatusCodes.Status400BadRequest, "The form is too large.", null, null);
        }

        var returnUrl = form["returnUrl"].ToString();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return SignInForm.Result(context, antiforgery, StatusCodes.Status400BadRequest, "The form has expired; please try again.", returnUrl, null);
        }

        if (!options.Value.TokenSignIn)
        {
            return SignInForm.Result(context, antiforgery, StatusCodes.Status403Forbidden,
                $"Sign-in with a token is turned off here; sign in with {options.Value.Oidc.DisplayName}.", returnUrl, null);
        }

        var token = form["token"].ToString().Trim();
        if (token.Length == 0)
        {
            return SignInForm.Result(context, antiforgery, StatusCodes.Status400BadRequest, "Enter a personal access token.", returnUrl, null);
        }

        var check = validator.Validate(token, out var entry);
        if (check != TokenCheck.Valid)
        {
            return SignInForm.Result(context, antiforgery, StatusCodes.Status400BadRequest,
                "This token cannot sign in: it is not valid, or it has been revoked or has expired.", returnUrl, null);
        }

        if (entry!.OwnerKind != OwnerKind.Human || entry.ScimOnly)
        {
            return SignInForm.Result(context, antiforgery, StatusCodes.Status403Forbidden,
                entry.ScimOnly ? "SCIM administration tokens cannot sign in." : "Service users cannot sign in.", returnUrl, null);
        }

        var session = sessions.Start(entry.OwnerId, "token", entry.TokenId);
        await context.SignInAsync(SessionAuthenticationDefaults.Scheme,
            GatewayPrincipal.ForSession(session.Id, entry.OwnerId, entry.UserName, entry.Role, entry.TokenId).ToClaimsPrincipal(),
            new AuthenticationProperties { IsPersistent = false });
        LogSignedIn(logger, entry.TokenId, entry.OwnerId);
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : GatewayRoutes.TokensPage);
    }

    /// <summary>
    /// Ends the session on the server (every copy of the cookie stops working), then, for a session that came from
    /// the identity provider and where it offers one, ends the provider's session too (RP-initiated logout).
    /// </summary>
    private static async Task<IResult> SignOutAsync(HttpContext context, IAntiforgery antiforgery, BrowserSessions sessions,
        IServiceProvider services, CancellationToken cancellationToken)
    {
        var signedOut = QueryHelpersAdd(GatewayRoutes.Login, SessionEndReasons.SignedOut);
        if (context.User.Identity is not { AuthenticationType: SessionAuthenticationDefaults.Scheme }
            || GatewayPrincipal.From(context.User) is not { Authentication: CallerAuthentication.BrowserSession, SessionId: { } sessionId })
        {
            return Results.Redirect(GatewayRoutes.Login);
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return PageLayout.Result(context, StatusCodes.Status400BadRequest, "Sign out", $"""
                <h1>Sign out</h1>
                <p role="alert">The page you signed out from was out of date. Go back, reload it, and sign out again.</p>
                <p><a href="{GatewayRoutes.TokensPage}">Back to your tokens</a></p>
                """);
        }

        var method = sessions.Find(sessionId)?.Method;
        var idToken = await context.GetTokenAsync(SessionAuthenticationDefaults.Scheme, "id_token");
        sessions.End(sessionId, SessionEndReasons.SignedOut);
        await context.SignOutAsync(SessionAuthenticationDefaults.Scheme);
        if (method == "oidc" && await OidcSignIn.ProviderSignOutAsync(context, services, idToken, signedOut, cancellationToken))
        {
            return Results.Empty;
        }

        return Results.Redirect(signedOut);
    }

    private static string QueryHelpersAdd(string path, string reason) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, SessionAuthenticationDefaults.EndedParameter, reason);

    /// <summary>Only same-site paths: never <c>//host</c> or <c>/\host</c>, which browsers treat as another site.</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Started a browser session with token {TokenId} of owner {OwnerId}.")]
    private static partial void LogSignedIn(ILogger logger, string tokenId, string ownerId);
}
