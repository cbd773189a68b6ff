using System.Diagnostics;
using System.Diagnostics.Metrics;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Tokens;

/// <summary>
/// The token module's instruments, on the meter <see cref="MeterName"/>. Labels are small fixed sets (a check result,
/// hit or miss): never a token, a token id or a person.
/// </summary>
public sealed class TokensMetrics
{
    /// <summary>The meter's name, for exporters to subscribe to.</summary>
    public const string MeterName = "ScimGateway.Tokens";

    private static readonly string[] s_results = BuildResults();

    private readonly Counter<long> _checks;
    private readonly Counter<long> _flushFailures;
    private readonly TimeProvider _time;
    private long _lastFlushTicks;

    /// <summary>Creates the instruments on a meter owned by <paramref name="meterFactory"/>.</summary>
    public TokensMetrics(IMeterFactory meterFactory, TokenValidationCache cache, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(cache);
        _time = time;
        _lastFlushTicks = time.GetUtcNow().UtcTicks;
        var meter = meterFactory.Create(MeterName);
        _checks = meter.CreateCounter<long>("gateway.token.checks", "{check}",
            "Bearer tokens checked, by result and by whether the validation cache already held the token.");
        _flushFailures = meter.CreateCounter<long>("gateway.usage.flush.failures", "{flush}",
            "Usage flushes that could not write to the store (the counts stay in memory for the next flush).");
        meter.CreateObservableGauge("gateway.token.validation_cache.size", () => (long)cache.Count, "{token}",
            "Tokens held in this node's validation cache.");
        meter.CreateObservableGauge("gateway.usage.flush.lag", ObserveFlushLag, "s",
            "Seconds since in-memory usage was last written to the store; grows while flushes fail.");
    }

    /// <summary>Counts one token check. <paramref name="cache"/> is <c>hit</c>, <c>miss</c> or <c>none</c> (never looked up).</summary>
    public void TokenChecked(TokenCheck result, string cache) =>
        _checks.Add(1, new TagList { { "result", s_results[(int)result] }, { "cache", cache } });

    /// <summary>Notes a flush that wrote (or had nothing to write).</summary>
    public void UsageFlushed() => Interlocked.Exchange(ref _lastFlushTicks, _time.GetUtcNow().UtcTicks);

    /// <summary>Notes a flush that failed.</summary>
    public void UsageFlushFailed() => _flushFailures.Add(1);

    private double ObserveFlushLag() =>
        Math.Max(0, _time.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastFlushTicks)) / (double)TimeSpan.TicksPerSecond;

    private static string[] BuildResults()
    {
        // Built once, so that the hot path indexes an array.
        var values = Enum.GetValues<TokenCheck>();
        var names = new string[values.Max(v => (int)v) + 1];
        foreach (var value in values)
        {
            names[(int)value] = value switch
            {
                TokenCheck.Valid => "valid",
                TokenCheck.Malformed => "malformed",
                TokenCheck.BadSignature => "bad_signature",
                TokenCheck.Unknown => "unknown",
                TokenCheck.Revoked => "revoked",
                TokenCheck.Expired => "expired",
                TokenCheck.OwnerInactive => "owner_inactive",
                _ => "other",
            };
        }

        return names;
    }
}
