using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.FileProviders;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.Web;
using ScimGateway.Jobs;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Ui;

/// <summary>
/// Settings &gt; Tokens, served by the gateway: one HTML template plus static ES modules, no build step, no CDN. The
/// template is filled on the server with the user's name, role and CSRF token; admin-only markup is removed for
/// everyone else, so non-admins never receive it.
/// </summary>
internal static class TokensPage
{
    private const string AdminStart = "<!--admin-->";
    private const string AdminEnd = "<!--/admin-->";

    public static IFileProvider Assets { get; } = new PhysicalFileProvider(System.IO.Path.Combine(AppContext.BaseDirectory, "ui"));

    public static IApplicationBuilder UseTokensPageAssets(this IApplicationBuilder app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(GatewayRoutes.UiAssets, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseMiddleware<UiAssetGate>());

        // The jobs dashboard is a page of the web UI too: what an admin saw there stays out of shared caches.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(JobsEndpointRouteBuilderExtensions.DashboardPath, StringComparison.OrdinalIgnoreCase),
            branch => branch.Use((context, next) =>
            {
                context.Response.Headers.CacheControl = "no-store";
                return next(context);
            }));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = Assets,
            RequestPath = GatewayRoutes.UiAssets,
            OnPrepareResponse = context => SecurityHeaders.Apply(context.Context.Response.Headers),
        });
        return app;
    }

    public static IEndpointRouteBuilder MapTokensPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(GatewayRoutes.TokensPage, Render).RequireAuthorization(GatewayPolicies.Session);
        endpoints.MapGet(GatewayRoutes.Root, () => Results.Redirect(GatewayRoutes.TokensPage)).AllowAnonymous();
        return endpoints;
    }

    private static IResult Render(HttpContext context, IAntiforgery antiforgery)
    {
        var template = ReadTemplate();
        var caller = GatewayPrincipal.From(context.User);
        var role = (caller?.Role ?? Role.Member).ToString();
        var html = HtmlEncoder.Default;
        var page = (role == "Admin" ? template.Replace(AdminStart, "", StringComparison.Ordinal).Replace(AdminEnd, "", StringComparison.Ordinal)
                : WithoutAdminSections(template))
            .Replace("{{csrf}}", html.Encode(antiforgery.GetAndStoreTokens(context).RequestToken ?? ""), StringComparison.Ordinal)
            .Replace("{{role}}", html.Encode(role), StringComparison.Ordinal)
            .Replace("{{userName}}", html.Encode(caller?.UserName ?? ""), StringComparison.Ordinal)
            .Replace("{{tokensPage}}", GatewayRoutes.TokensPage, StringComparison.Ordinal)
            .Replace("{{logout}}", GatewayRoutes.Logout, StringComparison.Ordinal)
            .Replace("{{dashboard}}", JobsEndpointRouteBuilderExtensions.DashboardPath, StringComparison.Ordinal);
        SecurityHeaders.Apply(context.Response.Headers);

        // Sign-out may redirect to the identity provider's end-session endpoint, which form-action must allow.
        context.Response.Headers.ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicy
            .Replace("form-action 'self'", "form-action " + Web.PageLayout.FormActions(context), StringComparison.Ordinal);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(page, "text/html; charset=utf-8");
    }

    private static string ReadTemplate()
    {
        using var stream = Assets.GetFileInfo("tokens.html").CreateReadStream();
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string WithoutAdminSections(string template)
    {
        var builder = new System.Text.StringBuilder(template.Length);
        var position = 0;
        while (template.IndexOf(AdminStart, position, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = template.IndexOf(AdminEnd, start, StringComparison.Ordinal);
            builder.Append(template, position, start - position);
            position = end + AdminEnd.Length;
        }

        return builder.Append(template, position, template.Length - position).ToString();
    }
}
