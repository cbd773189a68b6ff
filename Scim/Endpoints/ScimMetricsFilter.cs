using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ScimGateway.Scim.Resources;

namespace ScimGateway.Scim.Endpoints;

/// <summary>
/// Counts SCIM requests in <see cref="ScimMetrics"/>. Installed outside <see cref="ScimErrorFilter"/> so that
/// errors are counted with the status their SCIM error body carries. The labels are worked out once per endpoint,
/// from its handler, when the endpoint is built.
/// </summary>
internal sealed class ScimMetricsFilter(ScimMetrics metrics, string resource, string operation) : IEndpointFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var (resource, operation) = Describe(context.MethodInfo);
        var filter = new ScimMetricsFilter(context.ApplicationServices.GetRequiredService<ScimMetrics>(), resource, operation);
        return invocation => filter.InvokeAsync(invocation, next);
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await next(context);
        var status = result switch
        {
            ScimJsonResult scim => scim.Status,
            IStatusCodeHttpResult { StatusCode: { } code } => code,
            _ => context.HttpContext.Response.StatusCode,
        };
        metrics.OperationCompleted(resource, operation, status, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return result;
    }

    private static (string Resource, string Operation) Describe(MethodInfo handler)
    {
        var type = handler.DeclaringType;
        if (type is { IsGenericType: true } && type.GetGenericTypeDefinition() == typeof(ResourceEndpoints<>))
        {
            var resource = type.GetGenericArguments()[0] == typeof(ScimGroups) ? "Group" : "User";
            return (resource, handler.Name.ToLowerInvariant());
        }

        if (type == typeof(DiscoveryEndpoints))
        {
            return ("discovery", handler.Name switch
            {
                nameof(DiscoveryEndpoints.ServiceProviderConfig) => "service_provider_config",
                nameof(DiscoveryEndpoints.ResourceTypes) or nameof(DiscoveryEndpoints.ResourceType) => "resource_types",
                _ => "schemas",
            });
        }

        return handler.Name switch
        {
            nameof(ServiceEndpoints.RootSearch) => ("root", "search"),
            nameof(ServiceEndpoints.Bulk) => ("Bulk", "bulk"),
            nameof(ServiceEndpoints.Me) => ("Me", "me"),
            nameof(ServiceEndpoints.MethodNotAllowed) => ("unknown", "method_not_allowed"),
            _ => ("unknown", "not_found"),
        };
    }
}
