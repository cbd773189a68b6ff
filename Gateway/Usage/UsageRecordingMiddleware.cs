using ScimGateway.Gateway.Proxy;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Usage;

/// <summary>
/// Counts each token-authenticated request with its final status, in memory. Runs after authorization and around the
/// endpoint, so that only requests a token was allowed to make count, with the status they ended with. Requests on the
/// proxy route pass through without an async layer: <see cref="ProxyRequestMiddleware"/> already waits for their end
/// (the upstream's status) and records them.
/// </summary>
internal sealed class UsageRecordingMiddleware(RequestDelegate next, TimeProvider time)
{
    public Task InvokeAsync(HttpContext context) => context.IsProxyRoute() ? next(context) : RecordAfterAsync(context);

    /// <summary>One request of <paramref name="token"/>, with the response's status, the time and the caller's address.</summary>
    public static void Record(HttpContext context, ValidatedToken token, TimeProvider time) =>
        token.Usage.Record(context.Response.StatusCode, time.GetUtcNow().UtcTicks, context.Connection.RemoteIpAddress);

    private async Task RecordAfterAsync(HttpContext context)
    {
        await next(context);
        if (context.Features.Get<ValidatedToken>() is { } token)
        {
            Record(context, token, time);
        }
    }
}
