namespace ScimGateway.Gateway.Proxy;

/// <summary>Splits the pipeline, after routing, into the proxy route's steps and the gateway's own endpoints' steps.</summary>
internal static class ProxyRouteFork
{
    /// <summary>
    /// Runs <paramref name="proxied"/> for requests routed to a proxy route and <paramref name="local"/> for all
    /// others; both continue with the rest of the pipeline. One route test per request, where a conditional branch
    /// (<c>UseWhen</c>) or a check inside each middleware would repeat it, and every proxied request would still step
    /// through the middleware that serve only local endpoints (error-status pages, body limits, the web UI's files).
    /// </summary>
    public static IApplicationBuilder UseProxyRouteFork(this IApplicationBuilder app, Action<IApplicationBuilder> proxied, Action<IApplicationBuilder> local)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(proxied);
        ArgumentNullException.ThrowIfNull(local);
        var proxiedBuilder = app.New();
        proxied(proxiedBuilder);
        var localBuilder = app.New();
        local(localBuilder);
        return app.Use(next =>
        {
            proxiedBuilder.Run(next);
            localBuilder.Run(next);
            var proxiedBranch = proxiedBuilder.Build();
            var localBranch = localBuilder.Build();
            return context => context.IsProxyRoute() ? proxiedBranch(context) : localBranch(context);
        });
    }
}
