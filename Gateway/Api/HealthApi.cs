using ScimGateway.Gateway.Proxy;
using ScimGateway.Gateway.Storage;

namespace ScimGateway.Gateway.Api;

/// <summary>
/// <c>/healthz</c>: liveness of the gateway and readiness of its store, plus the upstream's reachability reported
/// separately: an unreachable upstream does not make the gateway unhealthy (it still serves tokens, SCIM and 502s).
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(GatewayStorage storage, UpstreamProbe upstreamProbe)
    {
        var storeReady = storage.Database.GetCollectionNames() is not null;
        var upstream = await upstreamProbe.CheckAsync();
        return Results.Json(new
        {
            status = storeReady ? "healthy" : "unhealthy",
            storage = storeReady ? "ok" : "unavailable",
            upstream = new { status = upstream.Status, address = upstream.Address },
        }, ApiJson.Options);
    }
}
