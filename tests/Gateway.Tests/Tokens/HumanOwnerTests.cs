using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Users;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Tokens;

public sealed class HumanOwnerTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task InactiveUser_CannotUseTokens_UntilReactivated()
    {
        var alice = _gateway.AddUser("alice");
        var client = _gateway.ClientWithToken(_gateway.IssuePersonalToken(alice));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/user-tokens")).StatusCode);

        await ChangeAsync(alice.Id, user => user.Active = false);
        var rejected = await client.GetAsync("/api/user-tokens");
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Contains("deactivated", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await ChangeAsync(alice.Id, user => user.Active = true);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/user-tokens")).StatusCode);
    }

    [Fact]
    public async Task RoleChange_AppliesOnTheNextRequest()
    {
        var alice = _gateway.AddUser("alice");
        var client = _gateway.ClientWithToken(_gateway.IssuePersonalToken(alice));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit")).StatusCode);

        await ChangeAsync(alice.Id, user => user.Roles = ["Member", "Admin"]);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task DeletingTheUser_DeletesTheirTokens()
    {
        var alice = _gateway.AddUser("alice");
        var client = _gateway.ClientWithToken(_gateway.IssuePersonalToken(alice));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/user-tokens")).StatusCode);

        Assert.True(_gateway.Service<IScimUserStore>().Delete(alice.Id, DateTime.UtcNow));
        await DeliverAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/user-tokens")).StatusCode);
        Assert.Empty(_gateway.Service<ScimGateway.Tokens.Storage.ITokenStore>().ListByOwner(alice.Id));
    }

    private async Task ChangeAsync(string id, Action<ScimUserRecord> change)
    {
        var store = _gateway.Service<IScimUserStore>();
        var user = store.FindById(id)!;
        change(user);
        Assert.True(store.Update(user));
        await DeliverAsync();
    }

    /// <summary>What a SCIM write does after its store call: deliver the provisioning events it recorded.</summary>
    private Task DeliverAsync() => _gateway.Service<ProvisioningDispatcher>().DeliverPendingAsync(CancellationToken.None);
}
