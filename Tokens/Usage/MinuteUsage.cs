using System.Net;

namespace ScimGateway.Tokens.Usage;

/// <summary>
/// One token's requests within one UTC minute, counted lock-free on the request path. The flushed figures are
/// touched only by the flush, which holds a lock, so the difference is what the next bucket must carry.
/// </summary>
internal sealed class MinuteUsage(long minute)
{
    private long _success;
    private long _clientError;
    private long _serverError;
    private long _lastUsedTicks;
    private IPAddress? _lastAddress;

    /// <summary>The minute, as UTC ticks divided by <see cref="TimeSpan.TicksPerMinute"/>.</summary>
    public long Minute { get; } = minute;

    public long FlushedSuccess { get; set; }

    public long FlushedClientError { get; set; }

    public long FlushedServerError { get; set; }

    public long Success => Volatile.Read(ref _success);

    public long ClientError => Volatile.Read(ref _clientError);

    public long ServerError => Volatile.Read(ref _serverError);

    public long LastUsedTicks => Volatile.Read(ref _lastUsedTicks);

    public IPAddress? LastAddress => Volatile.Read(ref _lastAddress);

    /// <summary>True when every request counted so far has been written.</summary>
    public bool FullyFlushed => Success == FlushedSuccess && ClientError == FlushedClientError && ServerError == FlushedServerError;

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
}
