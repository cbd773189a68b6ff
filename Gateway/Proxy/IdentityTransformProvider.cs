using Yarp.ReverseProxy.Transforms.Builder;

namespace ScimGateway.Gateway.Proxy;

/// <summary>Adds the <see cref="IdentityTransform"/> to every proxy route, whatever the configuration says.</summary>
internal sealed class IdentityTransformProvider(IdentityTransform transform) : ITransformProvider
{
    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequestTransforms.Add(transform);
    }
}
