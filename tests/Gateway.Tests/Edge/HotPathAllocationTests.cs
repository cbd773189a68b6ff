using ScimGateway.Gateway.Edge;
using ScimGateway.Gateway.Proxy;

namespace ScimGateway.Gateway.Tests.Edge;

/// <summary>
/// The edge rules run on every request: for the common case (a valid path, ordinary headers) they allocate nothing.
/// Measured with the thread's allocation counter, which is exact, not with a clock.
/// </summary>
public sealed class HotPathAllocationTests
{
    private static readonly string[] s_validTargets =
    [
        "/api/datastores", "/api/datastores/17/containers?page=2&size=50", "/api/user-tokens/", "/API/Datastores/a%20b/%C3%A9t%C3%A9",
        "/settings/tokens", "/api/scim/v2/Users?filter=userName%20eq%20%22a%22", "http://gateway.example/api/datastores/7",
    ];

    private static readonly string[] s_headerNames =
    [
        "Accept", "Accept-Encoding", "User-Agent", "Content-Type", "Content-Length", "traceparent", "X-Request-Id", "Host", "Cookie",
    ];

    [Fact]
    public void CanonicalPathCheck_OfValidTargets_AllocatesNothing()
    {
        Run(() =>
        {
            foreach (var target in s_validTargets)
            {
                Assert.True(CanonicalPath.Check(target, "/api/datastores") == PathVerdict.Canonical, target);
            }
        });
    }

    [Fact]
    public void HeaderRules_OnOrdinaryHeaders_AllocateNothing()
    {
        Run(() =>
        {
            foreach (var name in s_headerNames)
            {
                Assert.False(ClientHeaderRules.IsDropped(name, "X-Gateway-"));
            }
        });
    }

    private static void Run(Action check)
    {
        check();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            check();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
