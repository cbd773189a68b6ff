namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>The <c>Scim</c> settings: strict RFC mode, and validation at start.</summary>
public sealed class ScimOptionsTests
{
    [Fact]
    public async Task StrictRfc_EntraCapitalisedOp_400()
    {
        using var factory = new GatewayFactory().WithSetting("Scim:StrictRfc", "true");
        var scim = new ScimClient(factory.ClientWithToken(factory.IssueServiceToken("entra", ScimGateway.Tokens.Role.Admin, scim: true)));
        var user = await scim.CreateUserAsync("strict@example.com");
        var patch = ScimClient.PatchBody("""{"op":"Replace","path":"active","value":"False"}""");
        await (await scim.PatchAsync($"/Users/{user.Str("id")}", patch)).ExpectScimErrorAsync(HttpStatusCode.BadRequest, "invalidSyntax");
        var rfc = ScimClient.PatchBody("""{"op":"replace","path":"active","value":false}""");
        await scim.PatchThenGetAsync($"/Users/{user.Str("id")}", rfc);
    }

    [Fact]
    public void RoleGroups_UnknownRole_StartFails()
    {
        using var factory = new GatewayFactory().WithSetting("Scim:RoleGroups:Admins", "Superuser");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Superuser", error.ToString(), StringComparison.Ordinal);
    }
}
