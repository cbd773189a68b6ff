using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;
using ScimGateway.Gateway.Authentication;

namespace ScimGateway.Gateway.Tests.Authentication;

/// <summary>The framework's authorization services are built once, and only when that cannot capture request state.</summary>
public sealed class StatelessAuthorizationServicesTests
{
    private static readonly Type[] s_perRequestByDefault =
    [
        typeof(IPolicyEvaluator), typeof(IAuthorizationService), typeof(IAuthorizationPolicyProvider),
        typeof(IAuthorizationHandlerProvider), typeof(IAuthorizationEvaluator), typeof(IAuthorizationHandlerContextFactory),
        typeof(IAuthorizationMiddlewareResultHandler), typeof(IAuthorizationHandler),
    ];

    [Fact]
    public void TheGateway_ResolvesEachAuthorizationService_OnceForAllRequests()
    {
        using var gateway = new GatewayFactory();
        var services = gateway.Services;

        using var first = services.CreateScope();
        using var second = services.CreateScope();
        Assert.All(s_perRequestByDefault, service =>
            Assert.Same(first.ServiceProvider.GetRequiredService(service), second.ServiceProvider.GetRequiredService(service)));
    }

    [Fact]
    public void TheFrameworksOwnImplementations_AreKept_SoTheAuthorizationServiceStillMeasures()
    {
        var framework = new ServiceCollection().AddAuthorization();
        var changed = new ServiceCollection().AddAuthorization().ResolveStatelessAuthorizationServicesOnce();

        Assert.All(s_perRequestByDefault, service =>
        {
            var descriptor = Assert.Single(changed, d => d.ServiceType == service);
            Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
            Assert.Equal(Assert.Single(framework, d => d.ServiceType == service).ImplementationType, descriptor.ImplementationType);
        });
    }

    [Fact]
    public void AnAuthorizationHandlerOfItsOwn_LeavesEveryServicePerRequest()
    {
        var services = new ServiceCollection().AddAuthorization();
        services.AddScoped<IAuthorizationHandler, RequestScopedHandler>();

        services.ResolveStatelessAuthorizationServicesOnce();

        Assert.All(s_perRequestByDefault, service =>
            Assert.All(services.Where(d => d.ServiceType == service), d => Assert.NotEqual(ServiceLifetime.Singleton, d.Lifetime)));
    }

    [Fact]
    public void AServiceReplacedByTheApplication_IsLeftAsRegistered()
    {
        var services = new ServiceCollection();
        services.AddTransient<IAuthorizationEvaluator, AlwaysSucceeds>();
        services.AddAuthorization();

        services.ResolveStatelessAuthorizationServicesOnce();

        var evaluator = Assert.Single(services, d => d.ServiceType == typeof(IAuthorizationEvaluator));
        Assert.Equal(ServiceLifetime.Transient, evaluator.Lifetime);
        Assert.Equal(typeof(AlwaysSucceeds), evaluator.ImplementationType);
    }

    private sealed class RequestScopedHandler : IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context) => Task.CompletedTask;
    }

    private sealed class AlwaysSucceeds : IAuthorizationEvaluator
    {
        public AuthorizationResult Evaluate(AuthorizationHandlerContext context) => AuthorizationResult.Success();
    }
}
