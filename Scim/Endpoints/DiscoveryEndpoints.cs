using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ScimGateway.Scim.Discovery;
using ScimGateway.Scim.Errors;

namespace ScimGateway.Scim.Endpoints;

/// <summary><c>/ServiceProviderConfig</c>, <c>/ResourceTypes</c> and <c>/Schemas</c> (RFC 7644 section 4).</summary>
internal static class DiscoveryEndpoints
{
    public static IResult ServiceProviderConfig(HttpContext http, [FromServices] IOptions<ScimOptions> options) =>
        Ok(DiscoveryDocuments.ServiceProviderConfig(ScimHttp.Context(http.Request).BaseUrl, options.Value.Discovery));

    public static IResult ResourceTypes(HttpContext http)
    {
        var baseUrl = ScimHttp.Context(http.Request).BaseUrl;
        return Ok(DiscoveryDocuments.ListResponse(DiscoveryDocuments.ResourceTypes.Select(t => DiscoveryDocuments.ResourceType(t, baseUrl)).ToList()));
    }

    public static IResult ResourceType(string name, HttpContext http)
    {
        var type = DiscoveryDocuments.ResourceTypes.FirstOrDefault(t => string.Equals(t.ResourceType, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ScimException(HttpStatusCode.NotFound, null, $"Resource type '{name}' not found.");
        return Ok(DiscoveryDocuments.ResourceType(type, ScimHttp.Context(http.Request).BaseUrl));
    }

    public static IResult Schemas(HttpContext http)
    {
        var baseUrl = ScimHttp.Context(http.Request).BaseUrl;
        return Ok(DiscoveryDocuments.ListResponse(DiscoveryDocuments.Schemas.Select(s => DiscoveryDocuments.Schema(s, baseUrl)).ToList()));
    }

    public static IResult Schema(string id, HttpContext http)
    {
        var schema = DiscoveryDocuments.Schemas.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))
            ?? throw new ScimException(HttpStatusCode.NotFound, null, $"Schema '{id}' not found.");
        return Ok(DiscoveryDocuments.Schema(schema, ScimHttp.Context(http.Request).BaseUrl));
    }

    private static ScimJsonResult Ok(System.Text.Json.Nodes.JsonObject body) => new(StatusCodes.Status200OK, body);
}
