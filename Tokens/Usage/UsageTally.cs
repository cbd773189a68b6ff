using System.Net;

namespace ScimGateway.Tokens.Usage;

/// <summary>
/// Requests counted by outcome, with the latest use: lock-free and allocation-free, since it runs on the request
/// path. A token's running totals and each of its minute slots are tallies.
/// </summary>
public abstract class UsageTally
{
    private long _success;
    private long _clientError;
    private long _serverError;
    private long _lastUsedTicks;
    private IPAddress? _lastAddress;

    /// <summary>Requests answered 1xx-3xx.</summary>
    public long Success => Volatile.Read(ref _success);

    /// <summary>Requests answered 4xx.</summary>
    public long ClientError => Volatile.Read(ref _clientError);

    /// <summary>Requests answered 5xx.</summary>
    public long ServerError => Volatile.Read(ref _serverError);

    /// <summary>UTC ticks of the latest use; 0 when unused.</summary>
    public long LastUsedTicks => Volatile.Read(ref _lastUsedTicks);

    /// <summary>The client address of the latest use.</summary>
    public IPAddress? LastAddress => Volatile.Read(ref _lastAddress);

    /// <summary>Counts one request and moves the latest use forward (never back).</summary>
    protected void Count(int statusCode, long utcTicks, IPAddress? address)
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
