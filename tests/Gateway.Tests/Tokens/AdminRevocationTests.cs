using ScimGateway.Tokens;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Gateway.Tests.Tokens;

/// <summary>A token an admin revoked stays revoked until an admin restores it; the owner cannot undo the decision.</summary>
public sealed class AdminRevocationTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();
    private readonly HttpClient _admin;
    private readonly HttpClient _bot;
    private readonly string _botTokenId;

    public AdminRevocationTests()
    {
        _admin = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("root", Role.Admin), "admin", days: null));
        _gateway.IssueServiceToken("bot", Role.Member, name: "deploy");
        _bot = _gateway.ClientWithToken(_gateway.IssueServiceToken("bot", Role.Member, name: "second"));
        _botTokenId = _gateway.Service<ITokenStore>().ListByOwnerKind(OwnerKind.Service).Single(t => t.Name == "deploy").Id;
    }

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Restore_ByOwner_OfTokenAnAdminRevoked_Is403WithReason_AndTokenStaysRevoked()
    {
        var revoked = await (await _admin.PutAsJsonAsync($"/api/user-tokens/{_botTokenId}", new { revoke = true })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("The token has been successfully revoked", revoked.GetProperty("message").GetString());

        var detail = await (await _bot.PutAsJsonAsync($"/api/user-tokens/{_botTokenId}", new { revoke = false })).ExpectProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("This token was revoked by an admin; only an admin can restore it.", detail);
        var stored = _gateway.Service<ITokenStore>().FindById(_botTokenId)!;
        Assert.NotNull(stored.RevokedAt);
        Assert.Empty(_gateway.Service<AuditTrail>().Find(AuditActions.TokenRestored, _botTokenId));
    }

    [Fact]
    public async Task Restore_ByAdmin_OfTokenAnAdminRevoked_Succeeds()
    {
        await _admin.PutAsJsonAsync($"/api/user-tokens/{_botTokenId}", new { revoke = true });

        var restored = await (await _admin.PutAsJsonAsync($"/api/user-tokens/{_botTokenId}", new { revoke = false })).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Equal("The token has been successfully restored", restored.GetProperty("message").GetString());
        Assert.Equal("active", restored.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Restore_ByOwner_OfTokenTheOwnerRevoked_Succeeds()
    {
        await (await _bot.PutAsJsonAsync($"/api/user-tokens/{_botTokenId}", new { revoke = true })).ExpectJsonAsync(HttpStatusCode.OK);

        var restored = await (await _bot.PutAsJsonAsync($"/api/user-tokens/{_botTokenId}", new { revoke = false })).ExpectJsonAsync(HttpStatusCode.OK);

        Assert.Equal("The token has been successfully restored", restored.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Revoke_ByAdmin_IsAuditedWithTheActorsKindAndRole()
    {
        await _admin.PutAsJsonAsync($"/api/user-tokens/{_botTokenId}", new { revoke = true });

        var page = await (await _admin.GetAsync("/api/audit")).ExpectJsonAsync(HttpStatusCode.OK);

        var entry = page.GetProperty("items").EnumerateArray().Single(e =>
            e.GetProperty("action").GetString() == AuditActions.TokenRevoked && e.GetProperty("target").GetString() == _botTokenId);
        Assert.Equal("Human", entry.GetProperty("actor_kind").GetString());
        Assert.Equal("Admin", entry.GetProperty("actor_role").GetString());
        var stored = _gateway.Service<ITokenStore>().FindById(_botTokenId)!;
        Assert.Equal(Role.Admin, stored.RevokedByRole);
        Assert.Equal(OwnerKind.Human, stored.RevokedByKind);
    }
}
