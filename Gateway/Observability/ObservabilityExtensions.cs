using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ScimGateway.Jobs;
using ScimGateway.Scim;
using ScimGateway.Tokens;
using ScimGateway.Gateway.Web;

namespace ScimGateway.Gateway.Observability;

/// <summary>Metrics (Prometheus at <c>/metrics</c>, OTLP), opt-in traces and JSON console logs, with OpenTelemetry.</summary>
public static class ObservabilityExtensions
{
    /// <summary>The service name in OTLP resources and Prometheus' <c>target_info</c> (<c>OTEL_SERVICE_NAME</c> overrides it).</summary>
    public const string ServiceName = "scimgateway";

    private static readonly string[] s_aspNetCoreMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
    ];

    /// <summary>Adds the gateway's meter, the OpenTelemetry pipelines the configuration asks for, and JSON log settings.</summary>
    public static WebApplicationBuilder AddGatewayObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TracingOptions>().BindConfiguration(TracingOptions.Section);
        services.AddMetrics();
        services.AddSingleton<GatewayMetrics>();

        // The built-in JSON console formatter (Logging:Console:FormatterName=json) with scopes, which carry the
        // request's TraceId and SpanId.
        services.Configure<JsonConsoleFormatterOptions>(options => options.IncludeScopes = true);

        var metrics = configuration.GetValue(MetricsOptions.Section + ":" + nameof(MetricsOptions.Enabled), true);
        var tracing = configuration.GetValue<bool>(TracingOptions.Section + ":" + nameof(TracingOptions.Enabled));
        var jsonLogs = string.Equals(configuration["Logging:Console:FormatterName"], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase);
        if (!metrics && !tracing && !jsonLogs)
        {
            return builder;
        }

        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(ServiceName));
        if (metrics)
        {
            telemetry.WithMetrics(meters =>
            {
                if (configuration.GetValue(MetricsOptions.Section + ":" + nameof(MetricsOptions.Framework), true))
                {
                    // ASP.NET Core's own meters, named rather than through AddAspNetCoreInstrumentation: on .NET 10 that
                    // also inserts a middleware around every request (an extra async layer) only to tag 5xx answers with
                    // error.type, which ProxyRequestMiddleware does for the proxy route, where such answers come from.
                    meters.AddMeter(s_aspNetCoreMeters)
                        .AddHttpClientInstrumentation()
                        // Per-request framework instruments that repeat what other metrics say, dropped to keep the
                        // proxy path cheap: a dropped instrument is never enabled, so it costs nothing when recorded.
                        .AddView("aspnetcore.routing.match_attempts", MetricStreamConfiguration.Drop)
                        .AddView("aspnetcore.authentication.authenticate.duration", MetricStreamConfiguration.Drop)
                        .AddView("aspnetcore.authorization.attempts", MetricStreamConfiguration.Drop)
                        .AddView("http.client.request.time_in_queue", MetricStreamConfiguration.Drop)
                        .AddView("http.client.active_requests", MetricStreamConfiguration.Drop)
                        // .NET 10 moves every pooled upstream connection between "idle" and "active" around each
                        // proxied request: four updates of a six-label series per request, the dearest instrument here.
                        .AddView("http.client.open_connections", MetricStreamConfiguration.Drop)
                        // Two labelled updates per request; gateway.proxy.active_requests counts the proxied ones in flight.
                        .AddView("http.server.active_requests", MetricStreamConfiguration.Drop);
                }

                meters
                    .AddMeter(GatewayMetrics.MeterName, TokensMetrics.MeterName, ScimMetrics.MeterName, JobsMetrics.MeterName)
                    // Scrapes are rare and must show what happened up to now: no response cache.
                    .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0);
                if (HasOtlpEndpoint(configuration, "METRICS"))
                {
                    meters.AddOtlpExporter();
                }
            });
        }

        // JSON logs want trace and span ids on every request's lines, so they also start a span per request (an
        // Activity); only Tracing:Enabled sends spans anywhere.
        if (tracing || jsonLogs)
        {
            telemetry.WithTracing(traces =>
            {
                traces.AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments(GatewayRoutes.Metrics))
                    .AddHttpClientInstrumentation();
                if (tracing && HasOtlpEndpoint(configuration, "TRACES"))
                {
                    traces.AddOtlpExporter();
                }
            });
        }

        return builder;
    }

    /// <summary>Maps <c>/metrics</c> behind <see cref="MetricsAccessMiddleware"/> when metrics are on.</summary>
    public static IEndpointRouteBuilder MapGatewayMetrics(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MetricsOptions>>().Value.Enabled)
        {
            endpoints.MapPrometheusScrapingEndpoint(GatewayRoutes.Metrics, meterProvider: null,
                configureBranchedPipeline: branch => branch.UseMiddleware<MetricsAccessMiddleware>(), optionsName: null)
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return endpoints;
    }

    private static bool HasOtlpEndpoint(IConfiguration configuration, string signal) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
        || !string.IsNullOrWhiteSpace(configuration[$"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"]);
}
