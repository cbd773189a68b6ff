using System.Collections.Concurrent;
using System.Net;

namespace ScimGateway.Tokens.Usage;

/// <summary>
/// One token's usage since the process started, updated lock-free on the request path: cumulative counts for the
/// views, and per-minute slots that the flush turns into usage buckets.
/// </summary>
public sealed class UsageCounter(string tokenId)
{
    private readonly ConcurrentDictionary<long, MinuteUsage> _minutes = new();
    private long _success;
    private long _clientError;
    private long _serverError;
    private long _lastUsedTicks;
    private IPAddress? _lastAddress;

    /// <summary>The token these figures belong to.</summary>
    public string TokenId { get; } = tokenId;

    /// <summary>Requests answered 1xx-3xx.</summary>
    public long Success => Volatile.Read(ref _success);

    /// <summary>Requests answered 4xx.</summary>
    public long ClientError => Volatile.Read(ref _clientError);

    /// <summary>Requests answered 5xx.</summary>
    public long ServerError => Volatile.Read(ref _serverError);

    /// <summary>UTC ticks of the latest use; 0 when unused since start.</summary>
    public long LastUsedTicks => Volatile.Read(ref _lastUsedTicks);

    /// <summary>The client address of the latest use.</summary>
    public IPAddress? LastAddress => Volatile.Read(ref _lastAddress);

    /// <summary>Counts one request. No lock; allocates only on the first request of a minute.</summary>
    public void Record(int statusCode, long utcTicks, IPAddress? address)
    {
        switch (statusCode)
        {
            case >= 500:
                Interlocked.Increment(ref _serverError);
                break;
            case >= 400:
                Interlocked.Increment(ref _clientError);
                break;
            default:
                Interlocked.Increment(ref _success);
                break;
        }

        _minutes.GetOrAdd(utcTicks / TimeSpan.TicksPerMinute, static minute => new MinuteUsage(minute)).Record(statusCode, utcTicks, address);

        long seen;
        do
        {
            seen = Volatile.Read(ref _lastUsedTicks);
            if (utcTicks <= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _lastUsedTicks, utcTicks, seen) != seen);

        Volatile.Write(ref _lastAddress, address);
    }

    /// <summary>The per-minute slots; read and trimmed by the flush only.</summary>
    internal ICollection<MinuteUsage> Minutes => _minutes.Values;

    /// <summary>Drops a slot that is written out and old enough that no request can still land in it.</summary>
    internal void Drop(MinuteUsage slot) => _minutes.TryRemove(new KeyValuePair<long, MinuteUsage>(slot.Minute, slot));
}
