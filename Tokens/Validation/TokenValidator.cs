using Microsoft.Extensions.Logging;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Format;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Validation;

/// <summary>
/// Checks presented tokens: shape, SHA-256, cache, and on a miss the signature before any store read. Expiry is
/// compared with the clock on every call.
/// </summary>
public sealed partial class TokenValidator(
    TokenCodec codec,
    TokenValidationCache cache,
    ITokenStore store,
    TokenOwners owners,
    UsageAccumulator usage,
    TimeProvider time,
    ILogger<TokenValidator> logger,
    TokensMetrics metrics)
{
    /// <summary>Validates a token; <paramref name="entry"/> is set whenever the store knows the token.</summary>
    public TokenCheck Validate(ReadOnlySpan<char> token, out ValidatedToken? entry)
    {
        entry = null;
        if (!TokenCodec.HasTokenShape(token))
        {
            metrics.TokenChecked(TokenCheck.Malformed, TokenCacheLookup.None);
            return TokenCheck.Malformed;
        }

        var hash = TokenHash.Compute(token);
        var lookup = TokenCacheLookup.Hit;
        if (!cache.TryGet(hash, out entry))
        {
            lookup = TokenCacheLookup.Miss;
            if (!codec.HasValidSignature(token))
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    LogBadSignature(logger, hash.Prefix);
                }
                metrics.TokenChecked(TokenCheck.BadSignature, lookup);
                return TokenCheck.BadSignature;
            }

            try
            {
                entry = Load(hash);
            }
            catch (Exception) when (cache.TryGetWithinGrace(hash, time.GetUtcNow().UtcTicks, out entry))
            {
                // The store is away and the node may have missed a change since it lost touch: for the bounded grace
                // window, a token this node had validated keeps working (cluster mode; never with a current cache).
                lookup = TokenCacheLookup.Grace;
            }

            if (entry is null)
            {
                metrics.TokenChecked(TokenCheck.Unknown, lookup);
                return TokenCheck.Unknown;
            }
        }

        var check = entry!.CheckAt(time.GetUtcNow().UtcTicks);
        metrics.TokenChecked(check, lookup);
        return check;
    }

    private ValidatedToken? Load(TokenHash hash)
    {
        var generation = cache.Generation;
        var record = store.FindByHash(hash.ToHex());
        if (record is null)
        {
            LogUnknown(logger, hash.Prefix);
            return null;
        }

        var owner = owners.Find(record.OwnerId, record.OwnerKind);
        var entry = new ValidatedToken(
            hash,
            record.Id,
            record.OwnerId,
            record.OwnerKind,
            owner?.UserName ?? record.OwnerId,
            owner?.Role ?? Role.Member,
            record.ScimOnly,
            revoked: record.RevokedAt is not null,
            ownerActive: owner?.Active ?? false,
            record.ExpiresAt is { } expiresAt ? new DateTimeOffset(expiresAt, TimeSpan.Zero) : null,
            usage.For(record.Id));
        cache.TryAdd(entry, generation);
        return entry;
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Debug, Message = "Rejected a token with a bad signature (hash {HashPrefix}).")]
    private static partial void LogBadSignature(ILogger logger, string hashPrefix);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Rejected a signed token the store does not know (hash {HashPrefix}).")]
    private static partial void LogUnknown(ILogger logger, string hashPrefix);
}
