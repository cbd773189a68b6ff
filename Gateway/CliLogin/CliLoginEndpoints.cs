using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Api;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Validation;
using ScimGateway.Gateway.Web;

namespace ScimGateway.Gateway.CliLogin;

/// <summary>
/// <c>/api/cli/authorize</c>: <c>qualytics auth login</c> opens the browser here; a signed-in person approves, and the
/// browser is redirected to the CLI's loopback server with a new personal access token (the CLI's contract: RFC 8252
/// loopback redirect, token and state in the query). Served by the gateway, never forwarded. Only a browser session
/// counts here (a bearer token is ignored), and only a person's: service users and SCIM tokens never get one.
/// </summary>
internal static class CliLoginEndpoints
{
    private const string NotAPerson = "Only people can sign in to the CLI: not service users, SCIM administration tokens or deactivated accounts.";

    public static IEndpointRouteBuilder MapCliLogin(this IEndpointRouteBuilder endpoints)
    {
        // Anonymous at the endpoint level: the handlers read the session themselves, so that an anonymous browser is sent
        // to the sign-in page rather than given the API's 401, and so that a bearer token never stands in for a session.
        endpoints.MapGet(GatewayRoutes.CliAuthorize, ShowAsync).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapPost(GatewayRoutes.CliAuthorize, DecideAsync).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ShowAsync(HttpContext context, IAntiforgery antiforgery, CliConsentProtector protector,
        TokenOwners owners, ITokenStore tokens, IOptionsMonitor<CookieAuthenticationOptions> cookies, ILoggerFactory loggers)
    {
        var logger = Logger(loggers);
        var (request, error) = CliAuthorizeRequest.From(context.Request.Query);
        if (request is null)
        {
            // Checked before sign-in: a bad link is refused at once, and never redirects anywhere.
            CliLoginLog.Refused(logger, error!);
            return CliLoginPages.Error(context, StatusCodes.Status400BadRequest, error!);
        }

        var session = await SessionAsync(context);
        if (session is null)
        {
            var options = cookies.Get(SessionAuthenticationDefaults.Scheme);
            var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
            CliLoginPages.ApplyHeaders(context.Response.Headers);
            return Results.Redirect(context.Request.PathBase + options.LoginPath + QueryString.Create(options.ReturnUrlParameter, returnUrl));
        }

        if (Person(session, owners) is not { } person)
        {
            CliLoginLog.Refused(logger, "the session is not an active person's.");
            return CliLoginPages.Error(context, StatusCodes.Status403Forbidden, NotAPerson);
        }

        var name = CliTokenNames.Unique(request.Hostname, tokens.ListByOwner(person.Id).Select(t => t.Name));
        var consent = protector.Create(person.Id, SessionId(session), request, name);
        var form = antiforgery.GetAndStoreTokens(context);
        CliLoginLog.ConsentShown(logger, person.Id, request.Hostname);
        return CliLoginPages.Consent(context, new CliConsentView(
            person.UserName, person.Name ?? person.UserName, request.Hostname, name,
            LoopbackRedirectUri.Origin(request.RedirectUri), LoopbackRedirectUri.CspSource(request.RedirectUri),
            form.FormFieldName, form.RequestToken ?? "", protector.Protect(consent)));
    }

    private static async Task<IResult> DecideAsync(HttpContext context, IAntiforgery antiforgery, CliConsentProtector protector,
        ICliConsentLedger ledger, TokenOwners owners, TokenService tokens, AuditTrail audit, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = Logger(loggers);
        var session = await SessionAsync(context);
        if (session is null)
        {
            CliLoginLog.Refused(logger, "no browser session.");
            return CliLoginPages.Error(context, StatusCodes.Status401Unauthorized,
                "You are not signed in, or your session has ended. Sign in and start again.");
        }

        if (!context.Request.HasFormContentType)
        {
            return CliLoginPages.Error(context, StatusCodes.Status415UnsupportedMediaType, "Send the consent form as a form post.");
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return CliLoginPages.Error(context, StatusCodes.Status400BadRequest, "The form is too large.");
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            CliLoginLog.Refused(logger, "the consent form's antiforgery token is missing or not valid.");
            return CliLoginPages.Error(context, StatusCodes.Status400BadRequest, "The form has expired or did not come from this site.");
        }

        var consent = protector.Unprotect(form["consent"].ToString());
        if (consent is null || consent.OwnerId != GatewayPrincipal.From(session)?.SubjectId || consent.SessionId != SessionId(session))
        {
            CliLoginLog.Refused(logger, "the consent is missing, altered, expired or belongs to another session.");
            return CliLoginPages.Error(context, StatusCodes.Status400BadRequest, "This consent page has expired or belongs to another session.");
        }

        if (Person(session, owners) is not { } person)
        {
            CliLoginLog.Refused(logger, "the session is not an active person's.");
            return CliLoginPages.Error(context, StatusCodes.Status403Forbidden, NotAPerson);
        }

        var decision = form["decision"].ToString();
        if (decision is not ("approve" or "deny"))
        {
            return CliLoginPages.Error(context, StatusCodes.Status400BadRequest, "Choose Approve or Deny.");
        }

        int? days = null;
        if (decision == "approve" && !CliTokenExpirations.TryParse(form["expires_in_days"].ToString(), out days))
        {
            return CliLoginPages.Error(context, StatusCodes.Status400BadRequest, "Choose one of the offered expirations.");
        }

        // Spent before acting, whatever the decision: a replayed or concurrent second submission finds it used.
        if (!ledger.TryConsume(consent.Id, DateTimeOffset.FromUnixTimeSeconds(consent.ExpiresAt)))
        {
            CliLoginLog.Replayed(logger, consent.Id, person.Id);
            return CliLoginPages.Error(context, StatusCodes.Status409Conflict, "This consent form was already used.");
        }

        var request = new CliAuthorizeRequest(consent.RedirectUri, consent.State, consent.Hostname);
        if (decision == "deny")
        {
            CliLoginLog.Denied(logger, person.Id, consent.Hostname);
            return SeeOther(context, request.Callback(("error", "access_denied"), ("state", consent.State)));
        }

        var caller = CallerResolver.From(context);
        var issued = tokens.Issue(caller, new IssueTokenRequest(consent.TokenName, days, false, null));
        if (!issued.Succeeded)
        {
            CliLoginLog.IssueFailed(logger, person.Id, issued.Message ?? "");
            return CliLoginPages.Error(context, issued.Error == ErrorKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
                issued.Message ?? "The token could not be created.");
        }

        var token = issued.Value!;
        audit.Record(caller.Id, AuditActions.TokenIssuedToCli, token.Token.Id, $"{consent.TokenName} via CLI sign-in", caller.ClientAddress);
        CliLoginLog.Approved(logger, token.Token.Id, person.Id, consent.Hostname);
        return SeeOther(context, request.Callback(("token", token.BearerToken), ("state", consent.State)));
    }

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(CliLoginEndpoints).FullName!);

    /// <summary>
    /// The session principal, never a bearer token's: the default scheme prefers the Authorization header, so the
    /// session scheme is asked directly, and the request runs as that principal (antiforgery binds to it).
    /// </summary>
    private static async Task<ClaimsPrincipal?> SessionAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(SessionAuthenticationDefaults.Scheme);
        if (!result.Succeeded)
        {
            return null;
        }

        context.User = result.Principal;
        return result.Principal;
    }

    private static TokenOwner? Person(ClaimsPrincipal session, TokenOwners owners)
    {
        if (GatewayPrincipal.From(session) is not { Kind: OwnerKind.Human, ScimOnly: false, SubjectId: var id })
        {
            return null;
        }

        return owners.Find(id, OwnerKind.Human) is { Active: true } person ? person : null;
    }

    /// <summary>
    /// What a consent is bound to: the token a token sign-in used (empty for an identity-provider session), as the
    /// consent format has always carried it.
    /// </summary>
    private static string SessionId(ClaimsPrincipal session) => GatewayPrincipal.From(session)?.TokenId ?? "";

    /// <summary>
    /// 303 to the CLI. Written by hand rather than with <c>Results.Redirect</c>, which logs its target at Information:
    /// this target carries the token. <c>no-store</c> and <c>no-referrer</c> keep it out of caches and Referer headers.
    /// </summary>
    private static IResult SeeOther(HttpContext context, string location)
    {
        CliLoginPages.ApplyHeaders(context.Response.Headers);
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
        return Results.Empty;
    }
}
