using System.Collections.Concurrent;
using System.Net;

namespace ScimGateway.Tokens.Usage;

/// <summary>
/// One token's usage since the process started, updated lock-free on the request path: cumulative counts for the
/// views, and per-minute slots that the flush turns into usage buckets.
/// </summary>
public sealed class UsageCounter(string tokenId) : UsageTally
{
    private readonly ConcurrentDictionary<long, MinuteUsage> _minutes = new();

    /// <summary>The token these figures belong to.</summary>
    public string TokenId { get; } = tokenId;

    internal ICollection<MinuteUsage> Minutes => _minutes.Values;

    /// <summary>Counts one request. No lock; allocates only on the first request of a minute.</summary>
    public void Record(int statusCode, long utcTicks, IPAddress? address)
    {
        Count(statusCode, utcTicks, address);
        _minutes.GetOrAdd(utcTicks / TimeSpan.TicksPerMinute, static minute => new MinuteUsage(minute)).Record(statusCode, utcTicks, address);
    }

    internal void Drop(MinuteUsage slot) => _minutes.TryRemove(new KeyValuePair<long, MinuteUsage>(slot.Minute, slot));
}
