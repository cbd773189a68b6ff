using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Tokens.Tests.Contracts;

/// <summary>
/// The base of the store contract suites. An engine's test class derives from a suite and supplies
/// <see cref="OpenStores"/>: xunit makes one instance per test, so every test starts on an empty database.
/// </summary>
public abstract class StoreContract : IDisposable
{
    /// <summary>A whole-second UTC instant, which every engine stores exactly.</summary>
    protected static readonly DateTime Now = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

    private readonly Lock _opening = new();
    private TokenStoreSet? _stores;

    /// <summary>The stores of this test, opened on first use (once, also when the first uses are parallel).</summary>
    protected TokenStoreSet Stores
    {
        get
        {
            lock (_opening)
            {
                return _stores ??= OpenStores();
            }
        }
    }

    /// <summary>Every Tokens store on one fresh, empty database.</summary>
    protected abstract TokenStoreSet OpenStores();

    /// <inheritdoc />
    public void Dispose()
    {
        _stores?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A token as the token service would build it.</summary>
    protected static TokenRecord Token(string id, string owner = "owner", string? name = null, DateTime? createdAt = null,
        DateTime? expiresAt = null, OwnerKind kind = OwnerKind.Human) => new()
        {
            Id = id,
            Hash = "hash-" + id,
            Name = name ?? id,
            OwnerId = owner,
            OwnerNameKey = TokenRecord.MakeOwnerNameKey(owner, name ?? id),
            OwnerKind = kind,
            CreatedAt = createdAt ?? Now,
            CreatedBy = owner,
            ExpiresAt = expiresAt,
        };

    /// <summary>An audit entry of an action on a target, not yet stored.</summary>
    protected static AuditRecord Entry(string action, string target, DateTime? at = null) => new()
    {
        At = at ?? Now,
        Actor = "tester",
        ActorKind = nameof(OwnerKind.Human),
        ActorRole = nameof(Role.Admin),
        Action = action,
        Target = target,
        Detail = "detail of " + target,
        ClientAddress = "10.0.0.1",
    };

    /// <summary>Inserts a token with its creation entry.</summary>
    protected TokenRecord Insert(TokenRecord token)
    {
        Stores.Tokens.Insert(token, Entry(AuditActions.TokenCreated, token.Id));
        return token;
    }

    /// <summary>Runs <paramref name="count"/> calls at once (released together), returning their results in order.</summary>
    protected static T[] AtOnce<T>(int count, Func<int, T> call)
    {
        using var start = new Barrier(count);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return call(i);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        Task.WaitAll(tasks);
        return [.. tasks.Select(t => t.Result)];
    }
}
