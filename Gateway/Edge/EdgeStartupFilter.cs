namespace ScimGateway.Gateway.Edge;

/// <summary>
/// Puts <see cref="CanonicalPathMiddleware"/> in front of the whole pipeline (before routing, authentication and any
/// middleware a host adds), so that no reordering of <c>UseGateway</c> and no setting can switch the rule off.
/// </summary>
internal sealed class EdgeStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<CanonicalPathMiddleware>();
        next(app);
    };
}
