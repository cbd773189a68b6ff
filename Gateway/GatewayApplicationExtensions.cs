using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimGateway.Gateway.Api;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.Authentication.Oidc;
using ScimGateway.Gateway.Cluster;
using ScimGateway.Gateway.CliLogin;
using ScimGateway.Gateway.Edge;
using ScimGateway.Gateway.Hosting;
using ScimGateway.Gateway.Health;
using ScimGateway.Gateway.Observability;
using ScimGateway.Gateway.OpenApi;
using ScimGateway.Gateway.Proxy;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.Gateway.Storage.LiteDb;
using ScimGateway.Gateway.Ui;
using ScimGateway.Gateway.Usage;
using ScimGateway.Gateway.Web;
using ScimGateway.Jobs;
using ScimGateway.Jobs.Maintenance;
using ScimGateway.Jobs.Storage;
using ScimGateway.Jobs.Storage.PostgreSql;
using ScimGateway.Scim.Endpoints;

namespace ScimGateway.Gateway;

/// <summary>The web host's services, pipeline and endpoints.</summary>
public static class GatewayApplicationExtensions
{
    private const string SuppressHttpContextAsAuthorizationResource = "Microsoft.AspNetCore.Authorization.SuppressUseHttpContextAsAuthorizationResource";

    /// <summary>Adds everything the HTTP server needs on top of <see cref="GatewayServiceCollectionExtensions.AddGatewayCore"/>.</summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ShippedSettings.AddTo(builder.Configuration, builder.Environment.ContentRootPath);
        ListenAddress.ApplyDefault(builder);
        builder.Services.AddGatewayCore();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        builder.Services.TryAddSingleton<TokenHandlerLoggerFactory>();
        builder.Services.AddAuthentication(TokenAuthenticationDefaults.Scheme)
            .AddScheme<TokenAuthenticationOptions, TokenAuthenticationHandler>(TokenAuthenticationDefaults.Scheme, null)
            .AddBrowserSessions()
            .AddOidcSignIn(builder.Configuration);
        builder.Services.AddJobs()
            .AddByStorageProvider(liteDb => liteDb.AddJobsLiteDbStorage(), postgreSql => postgreSql.AddJobsPostgreSqlStorage())
            .PlaceJobStorageInDataDirectory();
        builder.Services.AddByStorageProvider<IStorageMaintenance, LiteDbStorageMaintenance, PostgreSqlStorageMaintenance>();
        builder.Services.AddClusterMode();
        builder.Services.AddAuthorizationBuilder().AddGatewayPolicies();

        // UseAuthorization reads this switch on every request; unset, that is two locked lookups (switches, then
        // runtime settings), set it is one. False is the framework's default (the HttpContext is the resource); a
        // value the operator set in the runtime settings stands.
        if (!AppContext.TryGetSwitch(SuppressHttpContextAsAuthorizationResource, out _))
        {
            AppContext.SetSwitch(SuppressHttpContextAsAuthorizationResource, false);
        }
        builder.AddGatewayProxy();
        builder.Services.AddCliLogin();
        builder.Services.AddGatewayHosting();
        builder.Services.AddKeyEncryptionAtRest(builder.Configuration);
        builder.Services.AddGatewayEdge();
        builder.AddGatewayObservability();
        builder.Services.AddGatewayHealthChecks();
        builder.Services.AddGatewayOpenApi();
        builder.Services.ResolveStatelessAuthorizationServicesOnce();
        return builder;
    }

    /// <summary>
    /// Opens the data directory before serving, so that a second process on the same directory stops at once with a
    /// message instead of at its first request. False when the directory is taken.
    /// </summary>
    public static bool TryOpenStorage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!PostgreSqlStartup.TryPrepare(app.Services, Console.Error, out var isPostgreSql))
        {
            return false;
        }

        if (isPostgreSql)
        {
            // No data directory in cluster mode: the database holds everything, the signing key included.
            return true;
        }

        try
        {
            _ = app.Services.GetRequiredService<DataDirectory>();

            // Generate the signing key on first start, not on first token, so backups taken early include it.
            _ = app.Services.GetRequiredService<Tokens.Format.SigningKey>();
            return true;
        }
        catch (DataDirectoryInUseException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return false;
        }
    }

    /// <summary>The middleware pipeline and every endpoint.</summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseGatewayHosting();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });

        // Proxied requests: one layer that acts at the end of the request. Local endpoints: bodies for bare error
        // statuses (on the proxy route the upstream's answers pass as they came, and the gateway's own refusals carry
        // their bodies), body limits per endpoint (proxied bodies stream under Kestrel's limit) and the web UI's files.
        app.UseProxyRouteFork(
            proxied: proxy => proxy.UseMiddleware<ProxyRequestMiddleware>(),
            local: local => local.UseStatusCodePages().UseRequestBodyLimits().UseTokensPageAssets());
        app.UseAuthentication();
        app.UseMiddleware<SessionCsrfMiddleware>();
        app.UseAuthorization();
        app.UseMiddleware<UsageRecordingMiddleware>();

        app.MapHealthApi();
        app.MapGatewayMetrics();
        app.MapGatewayOpenApi();
        app.MapUserTokensApi();
        app.MapServiceUsersApi();
        app.MapAuditApi();
        app.MapLoginPages();
        app.MapTokensPage();
        app.MapCliLogin();
        app.MapJobsDashboard(GatewayPolicies.AdminSession, GatewayRoutes.TokensPage);
        app.MapScim().RequireAuthorization(GatewayPolicies.ScimToken);
        app.MapGatewayProxy();
        return app;
    }
}
