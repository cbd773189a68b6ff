using System.Collections.Concurrent;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Tokens.Usage;

/// <summary>Per-token usage kept in memory, so that the request path never writes to the database.</summary>
public sealed class UsageAccumulator
{
    private readonly ConcurrentDictionary<string, UsageCounter> _counters = new(StringComparer.Ordinal);

    /// <summary>The counter of a token, created on first use.</summary>
    public UsageCounter For(string tokenId) => _counters.GetOrAdd(tokenId, static id => new UsageCounter(id));

    /// <summary>The counter of a token if it has been used since start.</summary>
    public UsageCounter? Find(string tokenId) => _counters.GetValueOrDefault(tokenId);

    /// <summary>Forgets a deleted token.</summary>
    public void Remove(string tokenId) => _counters.TryRemove(tokenId, out _);

    /// <summary>Every last use not yet persisted.</summary>
    public IReadOnlyList<LastUseUpdate> Unflushed()
    {
        var updates = new List<LastUseUpdate>();
        foreach (var counter in _counters.Values)
        {
            if (counter.Unflushed() is { } use)
            {
                updates.Add(new LastUseUpdate(counter.TokenId, new DateTime(use.Ticks, DateTimeKind.Utc), use.Address?.ToString()));
            }
        }

        return updates;
    }

    /// <summary>Marks the given last uses as persisted, so the next flush skips them unless newer uses arrive.</summary>
    public void MarkFlushed(IEnumerable<LastUseUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var update in updates)
        {
            Find(update.TokenId)?.MarkFlushed(update.UsedAt.Ticks);
        }
    }
}
