namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>
/// One gateway per test class, with a SCIM token and the "Qualytics Admins" group mapped to Admin (SCIM may grant
/// Admin here: <c>Scim:AllowAdminRoleFromScim</c>).
/// </summary>
public sealed class ScimFixture : IDisposable
{
    public ScimFixture()
    {
        Factory = new GatewayFactory().WithSetting("Scim:RoleGroups:Qualytics Admins", "Admin")
            .WithSetting("Scim:AllowAdminRoleFromScim", "true");
        Token = Factory.IssueServiceToken("okta", ScimGateway.Tokens.Role.Admin, scim: true);
        Scim = new ScimClient(Factory.ClientWithToken(Token));
    }

    public GatewayFactory Factory { get; }

    public string Token { get; }

    public ScimClient Scim { get; }

    public void Dispose() => Factory.Dispose();
}
