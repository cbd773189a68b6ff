using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using ScimGateway.Gateway.Proxy;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ScimGateway.Gateway.Tests.Edge;

/// <summary>The gateway's own /api paths come from the endpoints actually mapped, not from a hand-kept list.</summary>
public sealed class LocalApiPathsTests
{
    [Fact]
    public void Prefixes_AreTheLiteralStartsOfMappedApiEndpoints_NotTheProxyCatchAll()
    {
        var proxy = new RouteModel(new RouteConfig { RouteId = "qualytics-api", ClusterId = "qualytics", Match = new RouteMatch { Path = "/api/{**rest}" } },
            null, HttpTransformer.Default);
        var paths = new LocalApiPaths(new DefaultEndpointDataSource(
            Endpoint("/api/{**rest}", proxy),
            Endpoint("/api/cli/authorize"),
            Endpoint("/api/user-tokens/{id}/usage"),
            Endpoint("/api/user-tokens/"),
            Endpoint("/api/{anything}"),
            Endpoint("/login"),
            Endpoint("/api/scim/v2/{**rest}"),
            Endpoint("/api/scim/v2/Users/{id}"),
            Endpoint("/API/Scim/v2/Groups")));

        // Longer prefixes under a shorter one (any case) are covered by it, so each request checks three, not five.
        Assert.Equal(["/api/cli/authorize", "/api/scim/v2", "/api/user-tokens"], paths.Prefixes.Order(StringComparer.Ordinal));
        Assert.True(paths.IsLocal("/api/scim/v2/Groups/x"));
        Assert.True(paths.IsLocal("/api/cli/authorize"));
        Assert.True(paths.IsLocal("/API/CLI/authorize/more"));
        Assert.True(paths.IsLocal("/api/user-tokens/abc/unknown"));
        Assert.True(paths.IsLocal("/api/user-tokens.json"));
        Assert.True(paths.IsLocal("/api/user-tokens "));
        Assert.True(paths.IsLocal("/api/scim/v2"));
        Assert.False(paths.IsLocal("/api/cli"));
        Assert.False(paths.IsLocal("/api/user-tokensx"));
        Assert.False(paths.IsLocal("/api/datastores"));
        Assert.False(paths.IsLocal("/api/scim/v3/Users"));
        Assert.False(paths.IsLocal("/login"));
    }

    [Fact]
    public void RunningGateway_ClaimsEveryApiAreaItMaps()
    {
        using var gateway = new GatewayFactory();

        var prefixes = gateway.Service<LocalApiPaths>().Prefixes;

        foreach (var expected in new[] { "/api/user-tokens", "/api/service-users", "/api/audit", "/api/scim/v2" })
        {
            Assert.Contains(expected, prefixes, StringComparer.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(prefixes, p => p.Equals("/api", StringComparison.OrdinalIgnoreCase));
    }

    private static RouteEndpoint Endpoint(string pattern, params object[] metadata) =>
        new(_ => Task.CompletedTask, RoutePatternFactory.Parse(pattern), 0, new EndpointMetadataCollection(metadata), pattern);
}
