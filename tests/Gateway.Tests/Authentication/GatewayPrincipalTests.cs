using System.Security.Claims;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Authentication;

/// <summary>The one principal shape: what each way in writes is what every reader gets back.</summary>
public sealed class GatewayPrincipalTests
{
    [Fact]
    public void BrowserSession_RoundTrips_WithItsSessionId_AndTheSessionScheme()
    {
        var written = GatewayPrincipal.ForSession("s-1", "person-1", "ada", Role.Manager, "tok-1");

        var claims = written.ToClaimsPrincipal();
        var read = GatewayPrincipal.From(claims);

        Assert.Equal(written, read);
        Assert.Equal(SessionAuthenticationDefaults.Scheme, claims.Identity!.AuthenticationType);
        Assert.True(claims.IsInRole(nameof(Role.Manager)));
        Assert.Equal("ada", claims.Identity.Name);
    }

    [Fact]
    public void CommandLine_IsAServiceAdmin_NotScimOnly_AndMapsToAnAdminCaller()
    {
        var caller = GatewayPrincipal.CommandLine.ToCaller(null);

        Assert.Equal(GatewayPrincipal.CommandLine, GatewayPrincipal.From(GatewayPrincipal.CommandLine.ToClaimsPrincipal()));
        Assert.True(caller.IsAdmin);
        Assert.Equal(OwnerKind.Service, caller.Kind);
        Assert.Equal("cli", caller.Id);
    }

    [Fact]
    public void ScimToken_MapsToACaller_ThatIsNeverAnAdmin()
    {
        var scim = new GatewayPrincipal("svc-idp", "idp", OwnerKind.Service, Role.Admin, "tok-2", true, CallerAuthentication.BearerToken, null);

        var read = GatewayPrincipal.From(scim.ToClaimsPrincipal())!;
        var caller = read.ToCaller("203.0.113.5");

        Assert.Equal(scim, read);
        Assert.True(GatewayPrincipal.IsScimOnly(scim.ToClaimsPrincipal()));
        Assert.False(caller.IsAdmin);
        Assert.Equal("203.0.113.5", caller.ClientAddress);
    }

    [Fact]
    public void SessionCookie_WithoutTheAuthenticationClaim_ReadsAsABrowserSession()
    {
        // A cookie issued before the claim existed (or by a node that did not write it) still works.
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "p"), new Claim(ClaimTypes.Name, "ada"), new Claim(SessionAuthenticationDefaults.SessionIdClaim, "s")],
            SessionAuthenticationDefaults.Scheme, ClaimTypes.Name, ClaimTypes.Role);

        var read = GatewayPrincipal.From(new ClaimsPrincipal(identity));

        Assert.Equal(CallerAuthentication.BrowserSession, read!.Authentication);
        Assert.Equal("s", read.SessionId);
        Assert.Equal(Role.Member, read.Role);
    }

    [Fact]
    public void Anonymous_ReadsAsNull()
    {
        Assert.Null(GatewayPrincipal.From(new ClaimsPrincipal(new ClaimsIdentity())));
        Assert.Null(GatewayPrincipal.From(null));
    }

    [Theory]
    [InlineData(true, "/api/scim/v2/Users", true)]
    [InlineData(true, "/API/SCIM/V2/Groups", true)]
    [InlineData(true, "/api/user-tokens", false)]
    [InlineData(true, "/api/datastores", false)]
    [InlineData(false, "/api/scim/v2/Users", false)]
    [InlineData(false, "/api/datastores", true)]
    public void ScimOnlyRule_ScimTokensCallOnlyScim_AndOnlyScimTokensCallScim(bool scimOnly, string path, bool allowed)
    {
        Assert.Equal(allowed, ScimOnlyRule.Allows(scimOnly, ScimOnlyRule.IsScimPath(path)));
    }
}
