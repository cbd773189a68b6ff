using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Authentication.Sessions;
using ScimGateway.Gateway.Errors;
using ScimGateway.Gateway.Web;
using ScimGateway.Gateway.Storage.PostgreSql;

namespace ScimGateway.Gateway.Authentication;

/// <summary>Browser sessions: a cookie scheme next to the bearer scheme, and a default scheme that picks between them.</summary>
public static class SessionAuthenticationExtensions
{
    /// <summary>The header the token page sends its CSRF token in on state changes.</summary>
    public const string CsrfHeaderName = "X-CSRF-TOKEN";

    /// <summary>
    /// Adds the cookie scheme next to the bearer scheme (the default), so that policies without explicit schemes
    /// accept a bearer token or a session: the bearer handler forwards to the cookie scheme when a request carries the
    /// session cookie and no Authorization header. Keys that protect the cookie are kept in the data directory, so
    /// sessions survive a restart.
    /// </summary>
    public static AuthenticationBuilder AddBrowserSessions(this AuthenticationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddDataProtection().SetApplicationName("ScimGateway");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, sp) =>
            options.XmlRepository = PostgreSqlStorageExtensions.DataProtectionKeyRepository(sp));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "scimgateway.antiforgery";
            options.HeaderName = CsrfHeaderName;
        });
        services.AddSingleton<SessionValidator>();
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SignInOptions>, SignInOptionsValidator>());
        services.TryAddSingleton<BrowserSessions>();
        services.AddOptions<CookieAuthenticationOptions>(SessionAuthenticationDefaults.Scheme)
            .Configure<IOptions<SignInOptions>>((options, signIn) => options.ExpireTimeSpan = signIn.Value.Session.IdleTimeout);

        // A forward from the bearer handler rather than a policy scheme in front of both: bearer calls (every proxied
        // request) then run one handler and build one result instead of two.
        services.Configure<TokenAuthenticationOptions>(TokenAuthenticationDefaults.Scheme, options => options.ForwardDefaultSelector = context =>
            context.Request.Headers.Authorization.Count == 0 && context.Request.Cookies.ContainsKey(SessionAuthenticationDefaults.CookieName)
                ? SessionAuthenticationDefaults.Scheme
                : null);
        builder.AddCookie(SessionAuthenticationDefaults.Scheme, options =>
        {
            options.Cookie.Name = SessionAuthenticationDefaults.CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.SlidingExpiration = true;
            options.LoginPath = GatewayRoutes.Login;
            options.ReturnUrlParameter = "returnUrl";
            options.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<SessionValidator>().ValidateAsync(context);
            options.Events.OnRedirectToLogin = context => IsApi(context.Request)
                ? SessionEndedAsync(context.HttpContext)
                : Redirect(context, EndReason(context.HttpContext));
            options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                ? ErrorResponses.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "This session's user may not open this page.")
                : AccessDeniedPage.WriteAsync(context.HttpContext);
        });
        return builder;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments(GatewayRoutes.Api, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Why the request's session ended: the validator's reason, or a generic one when a session cookie came but could
    /// not be used (its idle time passed, or it cannot be read). Null when no session was sent.
    /// </summary>
    private static string? EndReason(HttpContext context) =>
        context.Items[SessionValidator.EndReasonItem] as string
        ?? (context.Request.Cookies.ContainsKey(SessionAuthenticationDefaults.CookieName) ? SessionEndReasons.Expired : null);

    /// <summary>The page's script sends the person to the sign-in page with this reason, so it can say why.</summary>
    private static Task SessionEndedAsync(HttpContext context)
    {
        if (EndReason(context) is { } reason)
        {
            context.Response.Headers["X-Session-Ended"] = reason;
        }

        return ErrorResponses.WriteAsync(context, StatusCodes.Status401Unauthorized, "The browser session has ended; sign in again.");
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context, string? endReason)
    {
        var target = endReason is null
            ? context.RedirectUri
            : QueryHelpers.AddQueryString(context.RedirectUri, SessionAuthenticationDefaults.EndedParameter, endReason);
        context.Response.Redirect(target);
        return Task.CompletedTask;
    }
}
