using System.Collections.Concurrent;

namespace ScimGateway.Tokens.Usage;

/// <summary>Per-token usage kept in memory, so that the request path never writes to the database.</summary>
public sealed class UsageAccumulator
{
    private readonly ConcurrentDictionary<string, UsageCounter> _counters = new(StringComparer.Ordinal);
    private readonly Lock _flushLock = new();

    // The batch handed to the store whose write has not returned: retried as it is, with its id, before anything new.
    private Batch? _unacknowledged;

    /// <summary>The counter of a token, created on first use.</summary>
    public UsageCounter For(string tokenId) => _counters.GetOrAdd(tokenId, static id => new UsageCounter(id));

    /// <summary>The counter of a token if it has been used since start.</summary>
    public UsageCounter? Find(string tokenId) => _counters.GetValueOrDefault(tokenId);

    /// <summary>Forgets a deleted token.</summary>
    public void Remove(string tokenId) => _counters.TryRemove(tokenId, out _);

    /// <summary>
    /// Hands every per-minute count not yet written to <paramref name="write"/>, and marks them written only when it
    /// returns: if it throws, the same counts (plus newer ones) are offered again next time. One flush at a time.
    /// Returns how many deltas were written.
    /// </summary>
    public int Flush(Action<IReadOnlyList<UsageDelta>> write, long utcNowTicks)
    {
        ArgumentNullException.ThrowIfNull(write);
        return Flush((_, deltas) => write(deltas), utcNowTicks);
    }

    /// <summary>
    /// Hands every per-minute count not yet written to <paramref name="write"/> with a flush id, and marks them written
    /// only when it returns. If it throws, the same batch is offered again first next time, with the same id and the
    /// same deltas, so a store that remembers flush ids writes it once even when the first attempt committed and only
    /// its acknowledgement was lost; newer counts follow in a batch of their own. One flush at a time. Returns how many
    /// deltas were written.
    /// </summary>
    public int Flush(Action<string, IReadOnlyList<UsageDelta>> write, long utcNowTicks)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_flushLock)
        {
            var written = 0;
            if (_unacknowledged is { } retry)
            {
                write(retry.Id, retry.Deltas);
                Acknowledge(retry);
                written += retry.Deltas.Count;
            }

            var batch = NextBatch();
            if (batch.Deltas.Count > 0)
            {
                _unacknowledged = batch;
                write(batch.Id, batch.Deltas);
                Acknowledge(batch);
                written += batch.Deltas.Count;
            }

            DropSettledMinutes(utcNowTicks / TimeSpan.TicksPerMinute);
            return written;
        }
    }

    private Batch NextBatch()
    {
        var pending = new List<(MinuteUsage Slot, long Success, long ClientError, long ServerError)>();
        var deltas = new List<UsageDelta>();
        foreach (var counter in _counters.Values)
        {
            foreach (var slot in counter.Minutes)
            {
                // Read once: requests landing while we write are left for the next flush.
                var (success, clientError, serverError) = (slot.Success, slot.ClientError, slot.ServerError);
                var lastUsed = slot.LastUsedTicks;
                if (success == slot.FlushedSuccess && clientError == slot.FlushedClientError && serverError == slot.FlushedServerError)
                {
                    continue;
                }

                pending.Add((slot, success, clientError, serverError));
                deltas.Add(new UsageDelta(counter.TokenId, new DateTime(slot.Minute * TimeSpan.TicksPerMinute, DateTimeKind.Utc),
                    success - slot.FlushedSuccess, clientError - slot.FlushedClientError, serverError - slot.FlushedServerError,
                    new DateTime(lastUsed, DateTimeKind.Utc), slot.LastAddress?.ToString()));
            }
        }

        return new Batch(Guid.NewGuid().ToString("N"), deltas, pending);
    }

    private void Acknowledge(Batch batch)
    {
        foreach (var (slot, success, clientError, serverError) in batch.Slots)
        {
            slot.FlushedSuccess = success;
            slot.FlushedClientError = clientError;
            slot.FlushedServerError = serverError;
        }

        _unacknowledged = null;
    }

    private void DropSettledMinutes(long currentMinute)
    {
        // The request path stamps a request with the clock when it completes, so once two minutes have passed no
        // request can still land in a slot; a fully written slot that old can go.
        foreach (var counter in _counters.Values)
        {
            foreach (var slot in counter.Minutes)
            {
                if (slot.Minute < currentMinute - 1 && slot.FullyFlushed)
                {
                    counter.Drop(slot);
                }
            }
        }
    }

    private sealed record Batch(string Id, List<UsageDelta> Deltas,
        List<(MinuteUsage Slot, long Success, long ClientError, long ServerError)> Slots);
}
