using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Storage.LiteDb;

namespace ScimGateway.Gateway.Tests.Provisioning;

/// <summary>
/// A crash between a SCIM write and its effect on tokens must not keep the write and lose the effect: the write and
/// its pending event are one store call, and the gateway delivers what is pending when it starts. Real processes on a
/// real data directory.
/// </summary>
public sealed class OutboxRecoveryTests
{
    [Fact]
    public async Task PendingDeletion_LeftByACrash_DeletesTheTokensAtTheNextStart()
    {
        using var directory = new TempDirectory();
        var gateway = new ProvisioningProcess(directory.Path);
        await gateway.IssueServiceTokensAsync();
        string carolId;
        await using (var first = await gateway.StartAsync())
        {
            using var scim = ProvisioningProcess.Client(first, gateway.ScimToken);
            carolId = await ProvisioningProcess.CreateUserAsync(scim, "carol@example.com");
        }

        var laptop = await gateway.IssuePersonalTokenAsync("carol@example.com", "carol-laptop");

        // What a crash right after the SCIM write leaves: the person deleted, the deletion pending, the token still stored.
        using (var database = gateway.OpenDatabase())
        {
            Assert.True(new LiteDbScimUserStore(database).Delete(carolId, DateTime.UtcNow));
        }

        Assert.Equal([new ProvisioningEvent(ProvisioningEventKind.Deleted, carolId)], gateway.PendingEvents().Select(p => p.Event));
        Assert.Equal(1, gateway.TokensOwnedBy(carolId));

        await using (var second = await gateway.StartAsync())
        {
            using var admin = ProvisioningProcess.Client(second, gateway.AdminToken);
            Assert.Contains("carol-laptop", await ProvisioningProcess.TokensDeletedByScimAsync(admin));
            using var carol = ProvisioningProcess.Client(second, laptop);
            Assert.Equal(HttpStatusCode.Unauthorized, (await carol.GetAsync("/api/user-tokens")).StatusCode);
        }

        Assert.Empty(gateway.PendingEvents());
        Assert.Equal(0, gateway.TokensOwnedBy(carolId));
    }
}
