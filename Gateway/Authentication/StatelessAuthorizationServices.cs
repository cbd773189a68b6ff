using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace ScimGateway.Gateway.Authentication;

/// <summary>
/// ASP.NET Core registers its authorization services as transient, so <c>UseAuthorization</c> builds a fresh graph of
/// them (policy evaluator, authorization service, policy and handler providers, evaluator, context factory, the
/// pass-through handler and the result handler: about ten objects) for every request, the proxied ones included. The
/// framework's own implementations keep no per-request state, so the gateway resolves them once instead.
/// </summary>
internal static class StatelessAuthorizationServices
{
    private static readonly Type[] s_services =
    [
        typeof(IPolicyEvaluator),
        typeof(IAuthorizationService),
        typeof(IAuthorizationPolicyProvider),
        typeof(IAuthorizationEvaluator),
        typeof(IAuthorizationHandlerContextFactory),
        typeof(IAuthorizationMiddlewareResultHandler),
        typeof(IAuthorizationHandlerProvider),
    ];

    /// <summary>
    /// Makes the framework's transient authorization services singletons, keeping each registered implementation (so
    /// the authorization service keeps its metrics). Call after everything that registers authorization services.
    /// Nothing changes when any authorization handler is not the framework's stateless pass-through one: a singleton
    /// handler provider would hold such a handler, and whatever it depends on, for the life of the process. A
    /// service registered with an implementation other than the framework's own is left as it is.
    /// </summary>
    public static IServiceCollection ResolveStatelessAuthorizationServicesOnce(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var handlers = services.Where(d => d.ServiceType == typeof(IAuthorizationHandler)).ToList();
        if (handlers.Any(d => d.ImplementationType != typeof(PassThroughAuthorizationHandler)))
        {
            return services;
        }

        foreach (var handler in handlers)
        {
            services[services.IndexOf(handler)] = ServiceDescriptor.Singleton<IAuthorizationHandler, PassThroughAuthorizationHandler>();
        }

        foreach (var service in s_services)
        {
            MakeSingleton(services, service);
        }

        return services;
    }

    private static void MakeSingleton(IServiceCollection services, Type service)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == service && descriptor.Lifetime == ServiceLifetime.Transient && !descriptor.IsKeyedService
                && descriptor.ImplementationType is { } implementation && IsFrameworkType(implementation))
            {
                services[i] = ServiceDescriptor.Singleton(service, implementation);
            }
        }
    }

    private static bool IsFrameworkType(Type type) => type.Namespace?.StartsWith("Microsoft.AspNetCore.Authorization", StringComparison.Ordinal) == true;
}
