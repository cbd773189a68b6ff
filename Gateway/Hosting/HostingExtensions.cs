using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using ScimGateway.Scim.Resources;

namespace ScimGateway.Gateway.Hosting;

/// <summary>How the gateway sits behind TLS terminators: trusted forwarded headers and the public base URL.</summary>
internal static class HostingExtensions
{
    public static IServiceCollection AddGatewayHosting(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicUrlSettings>().BindConfiguration(PublicUrlSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) =>
        {
            // X-Forwarded-Host is not read: the public host comes from Gateway:PublicBaseUrl.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = settings.Value.ForwardLimit;

            // ASP.NET trusts loopback by default; here only what is configured is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.Value.Proxies())
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in settings.Value.Networks())
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        services.AddSingleton<PublicOrigin>();
        services.AddSingleton<IScimPublicOrigin>(sp => sp.GetRequiredService<PublicOrigin>());
        return services;
    }

    /// <summary>First in the pipeline: trusted forwarded headers, then the public host and scheme.</summary>
    public static WebApplication UseGatewayHosting(this WebApplication app)
    {
        var forwarded = app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostingExtensions).FullName!);

        // With no proxy configured the middleware is left out entirely: with empty lists it would trust every sender.
        if (forwarded.IsConfigured)
        {
            HostingLog.ForwardedHeadersTrusted(logger, forwarded.KnownProxies.Count, forwarded.KnownNetworks.Count, forwarded.ForwardLimit);
            app.UseForwardedHeaders();
        }

        if (app.Services.GetRequiredService<IOptions<PublicUrlSettings>>().Value.Parsed() is { } publicUrl)
        {
            // Framework-built absolute URLs (the cookie handler's sign-in redirect, the OpenID Connect redirect_uri)
            // read Request.Host and Request.Scheme: pin both to the public URL so a forged Host never reaches them.
            var host = HostString.FromUriComponent(publicUrl);
            var scheme = publicUrl.Scheme;
            app.Use((context, next) =>
            {
                context.Request.Host = host;
                context.Request.Scheme = scheme;
                return next(context);
            });
        }
        else
        {
            var origin = app.Services.GetRequiredService<PublicOrigin>();
            app.Lifetime.ApplicationStarted.Register(() => HostingLog.PublicBaseUrlNotSet(logger, origin.Origin));
        }

        return app;
    }
}
