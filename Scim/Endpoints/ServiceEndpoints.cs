using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ScimGateway.Scim.Bulk;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Resources;

namespace ScimGateway.Scim.Endpoints;

/// <summary>The service-wide endpoints: <c>/.search</c>, <c>/Bulk</c>, <c>/Me</c>, and the answers for wrong methods and unknown paths.</summary>
internal static class ServiceEndpoints
{
    public static async Task<IResult> RootSearch(HttpContext http, [FromServices] ScimRootSearch search, [FromServices] IOptions<ScimOptions> options, CancellationToken cancellationToken)
    {
        var query = SearchRequests.Read(await ScimHttp.ReadBodyAsync(http.Request, ScimHttp.MaxBodySize, cancellationToken));
        var page = search.Search(query, ScimHttp.Context(http.Request), options.Value.MaxResults);
        return new ScimJsonResult(StatusCodes.Status200OK, ListResponses.From(page));
    }

    public static async Task<IResult> Bulk(HttpContext http, [FromServices] ScimBulk bulk, [FromServices] IOptions<ScimOptions> options, CancellationToken cancellationToken)
    {
        // RFC 7644 section 3.7.4: a payload over maxPayloadSize is 413.
        var body = await ScimHttp.ReadBodyAsync(http.Request, options.Value.BulkMaxPayloadSize, cancellationToken);
        return new ScimJsonResult(StatusCodes.Status200OK, await bulk.ProcessAsync(body, ScimHttp.Context(http.Request), cancellationToken));
    }

    /// <summary>RFC 7644 section 3.11 lets a server without an authenticated-subject alias answer 501.</summary>
    public static IResult Me(HttpContext http) =>
        throw new ScimException(HttpStatusCode.NotImplemented, null, "/Me is not supported: SCIM tokens belong to identity providers, not to users.");

    public static IResult MethodNotAllowed(HttpContext http)
    {
        var allowed = http.GetEndpoint()?.Metadata.GetMetadata<AllowedMethods>()?.Methods ?? [];
        http.Response.Headers.Allow = string.Join(", ", allowed);
        throw new ScimException(HttpStatusCode.MethodNotAllowed, null,
            $"{http.Request.Method} is not allowed on {http.Request.Path}; allowed: {string.Join(", ", allowed)}.");
    }

    public static IResult NotFound(HttpContext http) =>
        throw new ScimException(HttpStatusCode.NotFound, null, $"No SCIM endpoint at {http.Request.Path}.");
}
