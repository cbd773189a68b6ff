using Microsoft.AspNetCore.Http.Features;
using ScimGateway.Gateway.Errors;
using ScimGateway.Scim.Errors;

namespace ScimGateway.Gateway.Edge;

/// <summary>
/// Applies <see cref="CanonicalPath"/> to every request before routing (it is installed by
/// <see cref="EdgeStartupFilter"/>, ahead of the whole pipeline) and answers 400 to a path under <c>/api</c> that is
/// not canonical: a SCIM error with <c>scimType</c> <c>invalidSyntax</c> under the SCIM base path, problem+json
/// elsewhere. Such a request never reaches routing, a local endpoint or the upstream.
/// </summary>
internal sealed class CanonicalPathMiddleware(RequestDelegate next, ILogger<CanonicalPathMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var verdict = CanonicalPath.Check(raw, context.Request.Path.Value);
        return verdict == PathVerdict.Canonical ? next(context) : RefuseAsync(context, verdict);
    }

    private Task RefuseAsync(HttpContext context, PathVerdict verdict)
    {
        EdgeLog.NonCanonicalPath(logger, context.Request.Method, verdict);
        return ErrorResponses.WriteAsync(context, StatusCodes.Status400BadRequest,
            $"The request path is not in canonical form: {Describe(verdict)} Paths under /api must not contain empty, '.' or '..' segments, ';', '\\', encoded '/', '\\', '.', '%' or ';', or control characters.",
            ScimType.InvalidSyntax);
    }

    private static string Describe(PathVerdict verdict) => verdict switch
    {
        PathVerdict.EmptySegment => "it has an empty segment ('//').",
        PathVerdict.DotSegment => "it has a '.' or '..' segment.",
        PathVerdict.Semicolon => "it contains ';'.",
        PathVerdict.Backslash => "it contains a backslash.",
        PathVerdict.EncodedDelimiter => "it contains an encoded '/', '\\', '.', '%' or ';'.",
        PathVerdict.ControlCharacter => "it contains a control character.",
        PathVerdict.InvalidCharacter => "it contains a character that must be percent-encoded.",
        PathVerdict.BadPercentEncoding => "it has a '%' that is not followed by two hex digits.",
        _ => "its percent-encoded bytes are not valid UTF-8.",
    };
}
