using System.Collections.Concurrent;
using ScimGateway.Tokens.Format;

namespace ScimGateway.Tokens.Validation;

/// <summary>
/// Loaded tokens by hash. Evictions bump a generation number, and an entry loaded before an eviction is never added
/// after it: otherwise a request that read the store just before a revoke could put the stale entry back.
/// <para>
/// In cluster mode the cache can be marked stale (<see cref="MarkStale"/>) while the node may have missed another node's
/// change: then <see cref="TryGet"/> always misses, so every request reads the store, until the node has caught up and
/// calls <see cref="MarkCurrent"/>. The entries stay, for <see cref="TryGetWithinGrace"/> while the store is away.
/// </para>
/// </summary>
public sealed class TokenValidationCache
{
    private readonly ConcurrentDictionary<TokenHash, ValidatedToken> _entries = new();
    private readonly Lock _writeLock = new();
    private long _generation;
    private volatile bool _stale;
    private long _staleSinceUtcTicks;

    /// <summary>Read before loading from the store, passed to <see cref="TryAdd"/>.</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>How many tokens are cached.</summary>
    public int Count => _entries.Count;

    /// <summary>The hot path: a lookup by value, no allocation.</summary>
    public bool TryGet(TokenHash hash, out ValidatedToken? entry)
    {
        if (_stale)
        {
            entry = null;
            return false;
        }

        return _entries.TryGetValue(hash, out entry);
    }

    /// <summary>Whether the cache may be behind another node's change (see <see cref="MarkStale"/>).</summary>
    public bool IsStale => _stale;

    /// <summary>
    /// For how long after <see cref="MarkStale"/> a store failure may be answered from a kept entry
    /// (<see cref="TryGetWithinGrace"/>); zero (the default) never.
    /// </summary>
    public TimeSpan StaleGrace { get; set; }

    /// <summary>
    /// Stops serving entries: the node may have missed a change (its change feed is disconnected). The first call
    /// of an outage stamps <paramref name="atUtcTicks"/>; later calls keep that stamp.
    /// </summary>
    public void MarkStale(long atUtcTicks)
    {
        lock (_writeLock)
        {
            if (!_stale)
            {
                _staleSinceUtcTicks = atUtcTicks;
                _stale = true;
            }
        }
    }

    /// <summary>Serves entries again; the caller has evicted everything that changed while the cache was stale.</summary>
    public void MarkCurrent()
    {
        lock (_writeLock)
        {
            _stale = false;
        }
    }

    /// <summary>
    /// A kept entry for a request the store could not answer: only while the cache is stale, for
    /// <see cref="StaleGrace"/> after it became so. Past that, nothing is trusted without the store.
    /// </summary>
    public bool TryGetWithinGrace(TokenHash hash, long utcNowTicks, out ValidatedToken? entry)
    {
        entry = null;
        return _stale
            && utcNowTicks - Volatile.Read(ref _staleSinceUtcTicks) <= StaleGrace.Ticks
            && _entries.TryGetValue(hash, out entry);
    }

    /// <summary>Evicts every entry (a node that cannot tell what changed while it was away).</summary>
    public void EvictAll() => EvictWhere(static _ => true);

    /// <summary>Adds an entry unless something was evicted since <paramref name="loadedAtGeneration"/>.</summary>
    public void TryAdd(ValidatedToken entry, long loadedAtGeneration)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_writeLock)
        {
            if (_generation == loadedAtGeneration)
            {
                _entries[entry.Hash] = entry;
            }
        }
    }

    /// <summary>Evicts one token.</summary>
    public void EvictToken(string tokenId) => EvictWhere(e => e.TokenId == tokenId);

    /// <summary>Evicts every token of one owner (deactivation, role change, deletion).</summary>
    public void EvictOwner(string ownerId) => EvictWhere(e => e.OwnerId == ownerId);

    private void EvictWhere(Func<ValidatedToken, bool> match)
    {
        lock (_writeLock)
        {
            _generation++;
            foreach (var (hash, entry) in _entries)
            {
                if (match(entry))
                {
                    _entries.TryRemove(hash, out _);
                }
            }
        }
    }
}
