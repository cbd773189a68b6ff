using System.Net;

namespace ScimGateway.Tokens.Usage;

/// <summary>
/// One token's usage since the process started, updated lock-free on the request path. Counts are cumulative; the
/// flush compares <see cref="LastUsedTicks"/> with what it last wrote.
/// </summary>
public sealed class UsageCounter(string tokenId)
{
    private long _success;
    private long _clientError;
    private long _serverError;
    private long _lastUsedTicks;
    private long _flushedTicks;
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

    /// <summary>Counts one request. No allocation, no lock.</summary>
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

    /// <summary>The latest use not yet persisted; null when there is nothing new.</summary>
    internal (long Ticks, IPAddress? Address)? Unflushed()
    {
        var last = LastUsedTicks;
        return last > Volatile.Read(ref _flushedTicks) ? (last, LastAddress) : null;
    }

    /// <summary>Notes that uses up to <paramref name="ticks"/> are persisted.</summary>
    internal void MarkFlushed(long ticks)
    {
        long seen;
        do
        {
            seen = Volatile.Read(ref _flushedTicks);
            if (ticks <= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _flushedTicks, ticks, seen) != seen);
    }
}
