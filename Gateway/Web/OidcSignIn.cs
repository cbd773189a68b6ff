using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.Authentication.Oidc;

namespace ScimGateway.Gateway.Web;

/// <summary>
/// <c>POST /login/oidc</c> starts the sign-in at the identity provider (a form with an antiforgery field, so another
/// site cannot start sign-ins in the person's browser), keeping a local <c>returnUrl</c> across the round trip.
/// </summary>
internal static partial class OidcSignIn
{

    public static IEndpointRouteBuilder MapOidcSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(GatewayRoutes.LoginOidc, ChallengeAsync).AllowAnonymous();
        endpoints.MapGet(GatewayRoutes.LoginContinue, OidcPages.Continue).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> ChallengeAsync(HttpContext context, IAntiforgery antiforgery, IOptions<SignInOptions> options,
        ILogger<OidcSignInEvents> logger, CancellationToken cancellationToken)
    {
        if (!options.Value.Oidc.Enabled)
        {
            return Results.NotFound();
        }

        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type",
                detail: "Send the sign-in form as application/x-www-form-urlencoded.");
        }

        string returnUrl;
        try
        {
            returnUrl = (await context.Request.ReadFormAsync(cancellationToken))["returnUrl"].ToString();
        }
        catch (InvalidDataException)
        {
            return SignInForm.Result(context, antiforgery, StatusCodes.Status400BadRequest, "The form is too large.", null, null);
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return SignInForm.Result(context, antiforgery, StatusCodes.Status400BadRequest, "The form has expired; please try again.", returnUrl, null);
        }

        var properties = new AuthenticationProperties
        {
            RedirectUri = LoginPage.IsLocal(returnUrl) ? returnUrl : GatewayRoutes.TokensPage,
        };
        try
        {
            await context.ChallengeAsync(OidcDefaults.Scheme, properties);
            return Results.Empty;
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or OpenIdConnectProtocolException
            or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The discovery document could not be fetched (the provider is down or the authority is wrong), or the
            // provider refused the pushed authorization request (RFC 9126), which ASP.NET Core sends, with the client
            // credentials, whenever the provider offers it: a wrong client secret shows here.
            LogUnreachable(logger, ex.Message);
            var (status, sentence) = OidcPages.Describe(ex, options.Value.Oidc.DisplayName);
            await OidcPages.WriteFailurePageAsync(context, status, sentence);
            return Results.Empty;
        }
    }

    /// <summary>
    /// Sends the browser to the provider's end-session endpoint (RP-initiated logout) when its metadata names one;
    /// false when it does not or cannot be reached, and the caller then just shows the sign-in page.
    /// </summary>
    public static async Task<bool> ProviderSignOutAsync(HttpContext context, IServiceProvider services, string? idToken,
        string signedOutUri, CancellationToken cancellationToken)
    {
        if (!services.GetRequiredService<IOptions<SignInOptions>>().Value.Oidc.Enabled)
        {
            return false;
        }

        var options = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcDefaults.Scheme);
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            if (string.IsNullOrEmpty(configuration.EndSessionEndpoint))
            {
                return false;
            }

            await context.SignOutAsync(OidcDefaults.Scheme, OidcSignInEvents.SignOutProperties(signedOutUri, idToken));
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(services.GetRequiredService<ILogger<OidcSignInEvents>>(), ex.Message);
            return false;
        }
    }

    [LoggerMessage(EventId = 8013, Level = LogLevel.Warning, Message = "The identity provider could not be reached: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
