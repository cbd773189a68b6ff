using Microsoft.Net.Http.Headers;

namespace ScimGateway.Gateway.Api;

/// <summary>
/// <c>Cache-Control: no-store</c> (RFC 9111 section 5.2.2.5) on responses that carry a token secret or list tokens,
/// service users or audit events, so no browser or shared cache keeps a copy.
/// </summary>
internal static class NoStore
{
    public static TBuilder WithNoStore<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers[HeaderNames.CacheControl] = "no-store";
            return await next(context);
        });
}
