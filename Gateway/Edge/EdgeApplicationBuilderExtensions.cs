namespace ScimGateway.Gateway.Edge;

/// <summary>Places the request-edge middleware that needs routing.</summary>
public static class EdgeApplicationBuilderExtensions
{
    /// <summary>Enforces <see cref="RequestLimitsOptions"/>; call after routing and before anything that reads a body.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<RequestBodyLimitMiddleware>();
    }
}
