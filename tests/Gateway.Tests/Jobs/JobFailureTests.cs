using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimGateway.Jobs;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Storage.LiteDb;

namespace ScimGateway.Gateway.Tests.Jobs;

[Collection(HangfireServerCollection.Name)]
public sealed class JobFailureTests
{
    [Fact]
    public async Task FailingJob_IsRetried_ThenShowsAsFailedWithItsException_WithoutLoggingTokens()
    {
        await using var gateway = new GatewayFactory().WithJobServer()
            .WithSetting("Jobs:RetryAttempts", "1")
            .WithSetting("Jobs:RetryDelaySeconds", "1")
            .WithServices(services =>
            {
                services.RemoveAll<ITokenStore>();
                services.AddSingleton<ITokenStore>(sp => new FailingExpiryStore(new LiteDbTokenStore(sp.GetRequiredService<LiteDB.ILiteDatabase>())));
            });
        var alice = gateway.AddUser("alice@example.com");
        var bearer = gateway.IssuePersonalToken(alice, "laptop");

        var jobId = gateway.Trigger(JobIds.TokenExpiration);
        var details = await gateway.WaitForStateAsync(jobId, "Failed");

        var failed = gateway.Service<JobStorage>().GetMonitoringApi().FailedJobs(0, 10);
        var entry = Assert.Single(failed, f => f.Key == jobId).Value;
        Assert.Equal(FailingExpiryStore.Message, entry.ExceptionMessage);
        Assert.Contains(typeof(InvalidOperationException).FullName!, entry.ExceptionType, StringComparison.Ordinal);

        // The first failure was turned into a scheduled retry by AutomaticRetry, and the retry ran and failed again.
        Assert.Contains(details.History, s => s.StateName == "Scheduled" && s.Reason!.Contains("Retry attempt 1 of 1", StringComparison.Ordinal));
        Assert.Equal(2, details.History.Count(s => s.StateName == "Failed"));
        TokenExpirationJobTests.AssertNoTokenLogged(gateway, bearer);
    }

    private sealed class FailingExpiryStore(ITokenStore inner) : ITokenStore
    {
        public const string Message = "The token store is unavailable (test).";

        public IReadOnlyList<TokenRecord> ListExpiringBefore(DateTime before) => throw new InvalidOperationException(Message);

        public void Insert(TokenRecord token, AuditRecord audit) => inner.Insert(token, audit);

        public TokenRecord? FindByHash(string hash) => inner.FindByHash(hash);

        public TokenRecord? FindById(string id) => inner.FindById(id);

        public IReadOnlyList<TokenRecord> ListByOwner(string ownerId) => inner.ListByOwner(ownerId);

        public IReadOnlyList<TokenRecord> ListByOwnerKind(ScimGateway.Tokens.OwnerKind kind) => inner.ListByOwnerKind(kind);

        public bool Update(TokenRecord token, AuditRecord? audit) => inner.Update(token, audit);

        public void UpdateLastUsed(IReadOnlyCollection<LastUseUpdate> updates) => inner.UpdateLastUsed(updates);

        public bool Delete(string id, AuditRecord audit) => inner.Delete(id, audit);

        public IReadOnlyList<TokenRecord> DeleteAllOwnedBy(string ownerId, Func<TokenRecord, AuditRecord> audit) => inner.DeleteAllOwnedBy(ownerId, audit);
    }
}
