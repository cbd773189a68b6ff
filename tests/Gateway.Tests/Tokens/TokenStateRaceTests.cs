using ScimGateway.Tokens;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Gateway.Tests.Tokens;

/// <summary>
/// Lost updates on the token record, raced for real on the gateway's LiteDB file: every writer touches only its own
/// fields (usage) or compares-and-sets on the version (state), so no write undoes another.
/// </summary>
public sealed class TokenStateRaceTests : IDisposable
{
    private const int Rounds = 150;
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task RevokeRacingLastUseFlush_RevokeAlwaysWins_AndLastUseIsKept()
    {
        var alice = _gateway.AddUser("alice");
        var caller = new Caller(alice.Id, OwnerKind.Human, "alice", Role.Member, false, "127.0.0.1");
        var service = _gateway.Service<TokenService>();
        var store = _gateway.Service<ITokenStore>();
        var start = _gateway.Time.GetUtcNow().UtcDateTime;

        for (var round = 0; round < Rounds; round++)
        {
            _gateway.IssuePersonalToken(alice, $"race-{round}");
            var id = store.ListByOwner(alice.Id).Single(t => t.Name == $"race-{round}").Id;
            using var go = new Barrier(2);
            var revoked = false;

            var flusher = Task.Run(() =>
            {
                go.SignalAndWait();
                for (var i = 1; !Volatile.Read(ref revoked) || i < 5; i++)
                {
                    store.UpdateLastUsed([new LastUseUpdate(id, start.AddSeconds((round * 1000) + i), "10.0.0.1")]);
                }
            });
            var revoker = Task.Run(() =>
            {
                go.SignalAndWait();
                var outcome = service.SetRevoked(caller, id, revoke: true);
                Volatile.Write(ref revoked, true);
                return outcome;
            });

            var result = await revoker;
            await flusher;

            Assert.True(result.Succeeded, result.Message);
            var stored = store.FindById(id)!;
            Assert.True(stored.RevokedAt is not null, $"Round {round}: a last-use flush undid the revoke.");
            Assert.Equal(alice.Id, stored.RevokedBy);
            Assert.NotNull(stored.LastUsedAt);
            Assert.Equal("10.0.0.1", stored.LastUsedAddress);
        }
    }

    [Fact]
    public async Task RestoreRacingRevoke_EndStateMatchesTheLastSuccessfulWrite()
    {
        var alice = _gateway.AddUser("alice");
        var caller = new Caller(alice.Id, OwnerKind.Human, "alice", Role.Member, false, null);
        var service = _gateway.Service<TokenService>();
        var store = _gateway.Service<ITokenStore>();
        _gateway.IssuePersonalToken(alice, "flip");
        var id = store.ListByOwner(alice.Id).Single().Id;

        // Two writers flip the same token. Each state write bumps the version once and is audited once, so the audit
        // count equals the version, and the parity of the version says whether the last write was a revoke.
        using var go = new Barrier(2);
        var writers = Enumerable.Range(0, 2).Select(w => Task.Run(() =>
        {
            go.SignalAndWait();
            for (var i = 0; i < Rounds; i++)
            {
                var revoke = store.FindById(id)!.RevokedAt is null;
                var outcome = service.SetRevoked(caller, id, revoke);
                Assert.True(outcome.Succeeded || outcome.Error == ErrorKind.Conflict, outcome.Message);
            }
        })).ToArray();
        await Task.WhenAll(writers);

        var stored = store.FindById(id)!;
        var audit = _gateway.Service<AuditTrail>();
        var revokes = audit.Find(AuditActions.TokenRevoked, id).Count;
        var restores = audit.Find(AuditActions.TokenRestored, id).Count;
        Assert.Equal(stored.Version, revokes + restores);
        Assert.Equal(revokes, restores + (stored.RevokedAt is null ? 0 : 1));
    }
}
