using Microsoft.AspNetCore.Http.Features;
using ScimGateway.Gateway.Errors;

namespace ScimGateway.Gateway.Edge;

/// <summary>
/// Applies <see cref="RequestBodyLimits"/> after routing and before anything reads a body: a declared length over the
/// limit is refused at once; otherwise the body is read through a <see cref="LimitedReadStream"/> (and Kestrel's own
/// per-request limit is lowered to match), so a chunked body is cut off at the limit. A 413 raised while an endpoint
/// reads is answered here if the endpoint did not answer it itself: a SCIM error under the SCIM base path,
/// problem+json elsewhere. Proxied requests pass untouched.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, RequestBodyLimits limits, ILogger<RequestBodyLimitMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            return next(context);
        }

        return limits.For(context.GetEndpoint()) is { } limit ? LimitAsync(context, limit) : next(context);
    }

    private async Task LimitAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            await RefuseAsync(context, limit);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server
            && (server.MaxRequestBodySize is null || server.MaxRequestBodySize > limit))
        {
            // Kestrel then also stops draining an unread body at the limit.
            server.MaxRequestBodySize = limit;
        }

        context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            context.Response.Clear();
            await RefuseAsync(context, limit);
        }
    }

    private Task RefuseAsync(HttpContext context, long limit)
    {
        EdgeLog.BodyTooLarge(logger, context.Request.Method, context.Request.Path, limit);

        // The rest of the body is not read: the connection closes after this answer.
        return ErrorResponses.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
            $"The request body exceeds this endpoint's limit of {limit} bytes.");
    }
}
