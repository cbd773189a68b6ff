using System.Collections.Concurrent;
using ScimGateway.Tokens.Format;

namespace ScimGateway.Tokens.Validation;

/// <summary>
/// Loaded tokens by hash. Evictions bump a generation number, and an entry loaded before an eviction is never added
/// after it: otherwise a request that read the store just before a revoke could put the stale entry back.
/// </summary>
public sealed class TokenValidationCache
{
    private readonly ConcurrentDictionary<TokenHash, ValidatedToken> _entries = new();
    private readonly Lock _writeLock = new();
    private long _generation;

    /// <summary>Read before loading from the store, passed to <see cref="TryAdd"/>.</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>How many tokens are cached.</summary>
    public int Count => _entries.Count;

    /// <summary>The hot path: a lookup by value, no allocation.</summary>
    public bool TryGet(TokenHash hash, out ValidatedToken? entry) => _entries.TryGetValue(hash, out entry);

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
