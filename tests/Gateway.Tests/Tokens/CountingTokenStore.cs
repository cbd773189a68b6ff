using ScimGateway.Tokens;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Gateway.Tests.Tokens;

/// <summary>Counts reads of the real store, to prove which requests reach the database.</summary>
public sealed class CountingTokenStore(ITokenStore inner) : ITokenStore
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public void Insert(TokenRecord token, AuditRecord audit) => inner.Insert(token, audit);

    public TokenRecord? FindByHash(string hash)
    {
        Interlocked.Increment(ref _reads);
        return inner.FindByHash(hash);
    }

    public TokenRecord? FindById(string id)
    {
        Interlocked.Increment(ref _reads);
        return inner.FindById(id);
    }

    public IReadOnlyList<TokenRecord> ListByOwner(string ownerId)
    {
        Interlocked.Increment(ref _reads);
        return inner.ListByOwner(ownerId);
    }

    public IReadOnlyList<TokenRecord> ListByOwnerKind(OwnerKind kind)
    {
        Interlocked.Increment(ref _reads);
        return inner.ListByOwnerKind(kind);
    }

    public IReadOnlyList<TokenRecord> ListExpiringBefore(DateTime before)
    {
        Interlocked.Increment(ref _reads);
        return inner.ListExpiringBefore(before);
    }

    public bool Update(TokenRecord token, AuditRecord? audit) => inner.Update(token, audit);

    public void UpdateLastUsed(IReadOnlyCollection<LastUseUpdate> updates) => inner.UpdateLastUsed(updates);

    public bool Delete(string id, AuditRecord audit) => inner.Delete(id, audit);

    public IReadOnlyList<TokenRecord> DeleteAllOwnedBy(string ownerId, Func<TokenRecord, AuditRecord> audit) => inner.DeleteAllOwnedBy(ownerId, audit);
}
