using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Web;

/// <summary>
/// <c>/login</c> and <c>/logout</c>: a person signs in with one of their personal access tokens and gets a cookie
/// session. Service users and SCIM tokens cannot sign in.
/// </summary>
internal static partial class LoginPage
{
    public static IEndpointRouteBuilder MapLoginPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SessionAuthenticationDefaults.LoginPath, Show).AllowAnonymous();
        endpoints.MapPost(SessionAuthenticationDefaults.LoginPath, SignInAsync).AllowAnonymous();
        endpoints.MapPost("/logout", SignOutAsync).AllowAnonymous();
        return endpoints;
    }

    private static IResult Show(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Page(context, antiforgery, StatusCodes.Status200OK, null, returnUrl);

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, TokenValidator validator,
        ILoggerFactory loggers, CancellationToken cancellationToken)
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
            return Page(context, antiforgery, StatusCodes.Status400BadRequest, "The form is too large.", null);
        }

        var returnUrl = form["returnUrl"].ToString();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return Page(context, antiforgery, StatusCodes.Status400BadRequest, "The form has expired; please try again.", returnUrl);
        }

        var token = form["token"].ToString().Trim();
        if (token.Length == 0)
        {
            return Page(context, antiforgery, StatusCodes.Status400BadRequest, "Enter a personal access token.", returnUrl);
        }

        var check = validator.Validate(token, out var entry);
        if (check != TokenCheck.Valid)
        {
            return Page(context, antiforgery, StatusCodes.Status400BadRequest,
                "This token cannot sign in: it is not valid, or it has been revoked or has expired.", returnUrl);
        }

        if (entry!.OwnerKind != OwnerKind.Human || entry.ScimOnly)
        {
            return Page(context, antiforgery, StatusCodes.Status403Forbidden,
                entry.ScimOnly ? "SCIM administration tokens cannot sign in." : "Service users cannot sign in.", returnUrl);
        }

        await context.SignInAsync(SessionAuthenticationDefaults.Scheme,
            SessionPrincipals.Create(entry.TokenId, entry.OwnerId, entry.UserName, entry.Role),
            new AuthenticationProperties { IsPersistent = false });
        var logger = loggers.CreateLogger(typeof(LoginPage).FullName!);
        LogSignedIn(logger, entry.TokenId, entry.OwnerId);
        return Results.Redirect(IsLocal(returnUrl) ? returnUrl : SessionAuthenticationDefaults.HomePath);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await context.SignOutAsync(SessionAuthenticationDefaults.Scheme);
        return Results.Redirect(SessionAuthenticationDefaults.LoginPath);
    }

    /// <summary>Only same-site paths: never <c>//host</c> or <c>/\host</c>, which browsers treat as another site.</summary>
    internal static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, int status, string? error, string? returnUrl)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var errorBlock = error is null ? "" : $"""<p id="error" role="alert">{html.Encode(error)}</p>""";
        var returnField = IsLocal(returnUrl) ? $"""<input type="hidden" name="returnUrl" value="{html.Encode(returnUrl!)}">""" : "";
        var body = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign in - ScimGateway</title></head>
            <body>
            <main>
            <h1>Sign in to ScimGateway</h1>
            {errorBlock}
            <form method="post" action="{SessionAuthenticationDefaults.LoginPath}">
            <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? "")}">
            {returnField}
            <label for="token">Personal access token</label>
            <input type="password" id="token" name="token" required autocomplete="off" spellcheck="false" aria-describedby="token-help"{(error is null ? "" : " aria-invalid=\"true\"")}>
            <p id="token-help">Paste one of your personal access tokens. Service and SCIM tokens cannot sign in.</p>
            <button type="submit">Sign in</button>
            </form>
            </main>
            </body>
            </html>
            """;
        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(body, "text/html; charset=utf-8", statusCode: status);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Started a browser session with token {TokenId} of owner {OwnerId}.")]
    private static partial void LogSignedIn(ILogger logger, string tokenId, string ownerId);
}
