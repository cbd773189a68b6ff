using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Authentication;

/// <summary>The one requirement behind the token policies: authenticated, and on the right side of the SCIM-only rule.</summary>
public sealed class GatewayCallerRequirementTests
{
    private static readonly GatewayPrincipal s_member =
        new("person-1", "ada", OwnerKind.Human, Role.Member, "tok-1", false, CallerAuthentication.BearerToken, null);

    private static readonly GatewayPrincipal s_scimToken = s_member with { ScimOnly = true };

    public static TheoryData<string, bool, bool> Callers => new()
    {
        { "api token, API endpoint", false, true },
        { "api token, SCIM endpoint", true, false },
        { "SCIM token, API endpoint", false, false },
        { "SCIM token, SCIM endpoint", true, true },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task AnAuthenticatedCaller_IsAllowedOnlyOnItsSideOfTheScimRule(string caller, bool scimEndpoint, bool allowed)
    {
        var principal = (caller.StartsWith("SCIM", StringComparison.Ordinal) ? s_scimToken : s_member).ToClaimsPrincipal();

        Assert.Equal(allowed, await SucceedsAsync(new GatewayCallerRequirement(scimEndpoint), principal));
    }

    [Fact]
    public async Task AnonymousOrIdentityless_IsNeverAllowed_EvenWithTheClaimsOfAnAllowedCaller()
    {
        var unauthenticated = new ClaimsPrincipal(new ClaimsIdentity(s_member.ToClaimsPrincipal().Claims));

        Assert.False(await SucceedsAsync(new GatewayCallerRequirement(ScimEndpoint: false), unauthenticated));
        Assert.False(await SucceedsAsync(new GatewayCallerRequirement(ScimEndpoint: false), new ClaimsPrincipal()));
        Assert.False(await SucceedsAsync(new GatewayCallerRequirement(ScimEndpoint: true), new ClaimsPrincipal()));
    }

    private static async Task<bool> SucceedsAsync(GatewayCallerRequirement requirement, ClaimsPrincipal user)
    {
        var context = new AuthorizationHandlerContext([requirement], user, resource: null);
        await requirement.HandleAsync(context);
        return context.HasSucceeded;
    }
}
