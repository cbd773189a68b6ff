using ScimGateway.Gateway.Storage;

namespace ScimGateway.Gateway.Api;

/// <summary><c>/healthz</c>: liveness of the gateway and readiness of its store.</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", Check).AllowAnonymous();
        return endpoints;
    }

    private static IResult Check(GatewayStorage storage)
    {
        var storeReady = storage.Database.GetCollectionNames() is not null;
        return Results.Json(new { status = storeReady ? "healthy" : "unhealthy", storage = storeReady ? "ok" : "unavailable" }, ApiJson.Options);
    }
}
