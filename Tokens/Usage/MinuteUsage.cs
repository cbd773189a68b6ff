using System.Net;

namespace ScimGateway.Tokens.Usage;

/// <summary>
/// One token's requests within one UTC minute, counted lock-free on the request path. The flushed figures are
/// touched only by the flush, which holds a lock, so the difference is what the next bucket must carry.
/// </summary>
internal sealed class MinuteUsage(long minute) : UsageTally
{
    /// <summary>The minute, as UTC ticks divided by <see cref="TimeSpan.TicksPerMinute"/>.</summary>
    public long Minute { get; } = minute;

    public long FlushedSuccess { get; set; }

    public long FlushedClientError { get; set; }

    public long FlushedServerError { get; set; }

    /// <summary>True when every request counted so far has been written.</summary>
    public bool FullyFlushed => Success == FlushedSuccess && ClientError == FlushedClientError && ServerError == FlushedServerError;

    public void Record(int statusCode, long utcTicks, IPAddress? address) => Count(statusCode, utcTicks, address);
}
