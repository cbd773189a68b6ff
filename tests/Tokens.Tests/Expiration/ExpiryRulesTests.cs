using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Expiration;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Tests.Contracts;
using ScimGateway.Tokens.Tests.Storage.LiteDb;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Tokens.Tests.Expiration;

/// <summary>The token rules the expiration job runs, on real stores: the sweep marks once, warnings come due once at the smallest threshold.</summary>
public sealed class ExpiryRulesTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);
    private static readonly int[] Thresholds = [30, 7];
    private readonly TokenStoreSet _stores = LiteDbStores.Open();
    private readonly PeopleDirectory _people = new();
    private readonly AuditTrail _audit;
    private readonly ExpiryWarnings _warnings;
    private readonly TokenExpirationSweep _sweep;

    public ExpiryRulesTests()
    {
        _audit = new AuditTrail(_stores.Audit, new FakeTimeProvider(Now), NullLogger<AuditTrail>.Instance);
        _warnings = new ExpiryWarnings(_stores.Tokens, new TokenOwners(_people, _stores.ServiceUsers), _stores.ExpiryWarnings);
        _sweep = new TokenExpirationSweep(_stores.Tokens, new TokenValidationCache(), _audit);
        _people.Add("alice");
    }

    public void Dispose() => _stores.Dispose();

    [Fact]
    public void MarkExpired_MarksEachExpiredTokenOnce_WithOneAuditEntry()
    {
        Insert("past", "alice", Now.AddMinutes(-1));
        Insert("future", "alice", Now.AddDays(1));

        Assert.Equal(1, _sweep.MarkExpired(Now));
        Assert.Equal(0, _sweep.MarkExpired(Now.AddMinutes(5)));

        Assert.Equal(Now, _stores.Tokens.FindById("past")!.ExpiredAt);
        Assert.Null(_stores.Tokens.FindById("future")!.ExpiredAt);
        var entry = Assert.Single(_stores.Audit.Find(AuditActions.TokenExpired, "past"));
        Assert.Equal(AuditActors.System, entry.Actor);
    }

    [Fact]
    public void Collect_TokenWithFiveDaysLeft_IsDueOnceAtTheSevenDayThreshold()
    {
        Insert("t1", "alice", Now.AddDays(5).AddHours(1));

        var first = Assert.Single(_warnings.Collect(Now, Thresholds));
        var again = Assert.Single(_warnings.Collect(Now.AddMinutes(5), Thresholds));

        Assert.Equal((7, 5, true), (first.ThresholdDays, first.DaysLeft, first.FirstDue));
        Assert.False(again.FirstDue);
        Assert.Null(_stores.ExpiryWarnings.Find("t1", 30));
    }

    [Fact]
    public void Collect_SkipsRevokedExpiredAndDistantTokens_AndThoseOfInactiveOrMissingOwners()
    {
        _people.Add("bob", active: false);
        Insert("revoked", "alice", Now.AddDays(3), revoked: true);
        Insert("expired", "alice", Now.AddDays(-1));
        Insert("distant", "alice", Now.AddDays(31));
        Insert("inactive-owner", "bob", Now.AddDays(3));
        Insert("missing-owner", "carol", Now.AddDays(3));
        Insert("due", "alice", Now.AddDays(20));

        var due = _warnings.Collect(Now, Thresholds);

        Assert.Equal(["due"], due.Select(w => w.Token.Id));
        Assert.Equal(30, due[0].ThresholdDays);
    }

    [Fact]
    public void Collect_AWarningStaysDueUntilDeliveredOrGivenUp()
    {
        Insert("t1", "alice", Now.AddDays(3));
        Insert("t2", "alice", Now.AddDays(4));
        var due = _warnings.Collect(Now, Thresholds);
        _warnings.MarkFailed(due[0]);
        _warnings.MarkGivenUp(due[1], Now);

        var next = Assert.Single(_warnings.Collect(Now.AddMinutes(5), Thresholds));
        Assert.Equal(("t1", 1), (next.Token.Id, next.Record.FailedRuns));
        _warnings.MarkDelivered(next, Now.AddMinutes(5));

        Assert.Empty(_warnings.Collect(Now.AddMinutes(10), Thresholds));
    }

    private void Insert(string id, string owner, DateTime expiresAt, bool revoked = false)
    {
        var token = new TokenRecord
        {
            Id = id,
            Hash = "hash-" + id,
            Name = id,
            OwnerId = owner,
            OwnerNameKey = TokenRecord.MakeOwnerNameKey(owner, id),
            CreatedAt = Now.AddDays(-1),
            ExpiresAt = expiresAt,
            RevokedAt = revoked ? Now.AddHours(-1) : null,
        };
        _stores.Tokens.Insert(token, _audit.Entry("tester", AuditActions.TokenCreated, id));
    }
}
