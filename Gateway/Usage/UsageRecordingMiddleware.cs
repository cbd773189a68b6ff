using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Usage;

/// <summary>
/// Counts each token-authenticated request with its final status, in memory. Runs after the endpoint so that
/// proxied requests count the upstream's status class.
/// </summary>
internal sealed class UsageRecordingMiddleware(RequestDelegate next, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        context.Features.Get<ValidatedToken>()?.Usage.Record(context.Response.StatusCode, time.GetUtcNow().UtcTicks, context.Connection.RemoteIpAddress);
    }
}
