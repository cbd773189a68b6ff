using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ScimGateway.Scim.Resources;

namespace ScimGateway.Scim.Endpoints;

/// <summary>The HTTP face of one resource type (<c>/Users</c>, <c>/Groups</c>): RFC 7644 sections 3.3 to 3.6.</summary>
internal static class ResourceEndpoints<T>
    where T : class, IScimResources
{
    public static IResult List(HttpContext http, [FromServices] T resources) =>
        Page(resources.Search(ScimHttp.Query(http.Request), ScimHttp.Context(http.Request)));

    public static async Task<IResult> Search(HttpContext http, [FromServices] T resources, CancellationToken cancellationToken)
    {
        var query = SearchRequests.Read(await ScimHttp.ReadBodyAsync(http.Request, ScimHttp.MaxBodySize, cancellationToken));
        return Page(resources.Search(query, ScimHttp.Context(http.Request)));
    }

    public static IResult Get(string id, HttpContext http, [FromServices] T resources, [FromServices] IOptions<ScimOptions> options)
    {
        var result = resources.Get(id, ScimHttp.Projection(http.Request, resources.Schemas, options.Value.FilterLimits), ScimHttp.Context(http.Request));
        if (result.ETag is not null && ETags.Matches(http.Request.Headers.IfNoneMatch, result.ETag))
        {
            return new ScimJsonResult(StatusCodes.Status304NotModified, null, null, result.ETag);
        }

        return ScimJsonResult.From(result);
    }

    public static async Task<IResult> Create(HttpContext http, [FromServices] T resources, CancellationToken cancellationToken)
    {
        var body = await ScimHttp.ReadBodyAsync(http.Request, ScimHttp.MaxBodySize, cancellationToken);
        return ScimJsonResult.From(await resources.CreateAsync(body, ScimHttp.Context(http.Request), cancellationToken));
    }

    public static async Task<IResult> Replace(string id, HttpContext http, [FromServices] T resources, CancellationToken cancellationToken)
    {
        var body = await ScimHttp.ReadBodyAsync(http.Request, ScimHttp.MaxBodySize, cancellationToken);
        return ScimJsonResult.From(await resources.ReplaceAsync(id, body, IfMatch(http), ScimHttp.Context(http.Request), cancellationToken));
    }

    public static async Task<IResult> Patch(
        string id, HttpContext http, [FromServices] T resources, [FromServices] IOptions<ScimOptions> options, CancellationToken cancellationToken)
    {
        var body = await ScimHttp.ReadBodyAsync(http.Request, ScimHttp.MaxBodySize, cancellationToken);
        var projection = ScimHttp.Projection(http.Request, resources.Schemas, options.Value.FilterLimits);
        return ScimJsonResult.From(await resources.PatchAsync(id, body, IfMatch(http), projection, ScimHttp.Context(http.Request), cancellationToken));
    }

    public static async Task<IResult> Delete(string id, HttpContext http, [FromServices] T resources, CancellationToken cancellationToken) =>
        ScimJsonResult.From(await resources.DeleteAsync(id, IfMatch(http), cancellationToken));

    private static ScimJsonResult Page(ResourcePage page) => new(StatusCodes.Status200OK, ListResponses.From(page));

    private static string? IfMatch(HttpContext http) => http.Request.Headers.IfMatch is { Count: > 0 } values ? values.ToString() : null;
}
