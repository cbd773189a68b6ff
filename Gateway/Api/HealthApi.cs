using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ScimGateway.Gateway.Health;
using ScimGateway.Gateway.Proxy;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Web;

namespace ScimGateway.Gateway.Api;

/// <summary>
/// <c>/healthz</c>: liveness of the gateway and readiness of its store, plus the upstream's reachability reported
/// separately: an unreachable upstream does not make the gateway unhealthy (it still serves tokens, SCIM and 502s).
/// <c>/healthz/live</c> says only that the process answers; <c>/healthz/ready</c> runs the readiness checks (storage
/// writable, job server running, upstream reachable) and answers 503 with the reasons when one fails.
/// </summary>
internal static class HealthApi
{
    public const string Tag = "Health";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(GatewayRoutes.Health, CheckAsync).AllowAnonymous()
            .WithName("GetHealth").WithTags(Tag)
            .WithSummary("Store readiness and upstream reachability (kept for existing probes).")
            .Produces<LegacyHealthView>(StatusCodes.Status200OK);
        endpoints.MapGet(GatewayRoutes.HealthLive, Live).AllowAnonymous()
            .WithName("GetLiveness").WithTags(Tag)
            .WithSummary("Liveness: the process answers HTTP.");
        endpoints.MapGet(GatewayRoutes.HealthReady, ReadyAsync).AllowAnonymous()
            .WithName("GetReadiness").WithTags(Tag)
            .WithSummary("Readiness: storage reachable and writable, job server running, upstream reachable.")
            .WithDescription("503 when any check fails; each check's status and reason are in the body, never a secret.")
            .Produces<HealthReportView>(StatusCodes.Status503ServiceUnavailable);
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(IStorageProbe storage, UpstreamProbe upstreamProbe)
    {
        var storeReady = storage.IsReachable();
        var upstream = await upstreamProbe.CheckAsync();
        return Results.Json(new LegacyHealthView(
            storeReady ? "healthy" : "unhealthy",
            storeReady ? "ok" : "unavailable",
            new LegacyUpstreamView(upstream.Status, upstream.Address)), ApiJson.Options);
    }

    private static Ok<HealthReportView> Live(HttpContext context)
    {
        NoStore(context);
        return TypedResults.Ok(new HealthReportView(nameof(HealthStatus.Healthy), []));
    }

    private static async Task<Results<Ok<HealthReportView>, JsonHttpResult<HealthReportView>>> ReadyAsync(
        HttpContext context, HealthCheckService health, CancellationToken cancellationToken)
    {
        NoStore(context);
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthServiceCollectionExtensions.ReadyTag), cancellationToken);
        var view = new HealthReportView(report.Status.ToString(),
            [.. report.Entries.Select(e => new HealthCheckView(e.Key, e.Value.Status.ToString(), e.Value.Description, Math.Round(e.Value.Duration.TotalMilliseconds, 3)))]);
        return report.Status == HealthStatus.Unhealthy
            ? TypedResults.Json(view, ApiJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(view);
    }

    // Probes must see the answer of now, never one cached by a proxy in between.
    private static void NoStore(HttpContext context) => context.Response.Headers.CacheControl = "no-store";
}
