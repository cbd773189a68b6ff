using ScimGateway.Tokens;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Gateway.Tests.Tokens;

/// <summary>Counts reads of the real store, to prove which requests reach the database.</summary>
public sealed class CountingTokenStore(ITokenStore inner) : ITokenStore
{
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public void Insert(TokenRecord token) => inner.Insert(token);

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

    public bool Update(TokenRecord token) => inner.Update(token);

    public void UpdateLastUsed(IReadOnlyCollection<LastUseUpdate> updates) => inner.UpdateLastUsed(updates);

    public bool Delete(string id) => inner.Delete(id);
}
