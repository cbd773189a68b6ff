using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Tokens.Expiration;

/// <summary>
/// Records tokens past their expiry as expired: once per token, with one <c>token.expired</c> audit entry written by
/// the same store call. Validation never waits for this: it compares expiry with the clock on every request.
/// </summary>
public sealed class TokenExpirationSweep(ITokenStore tokens, TokenValidationCache cache, AuditTrail audit)
{
    private const int MaxWriteAttempts = 8;

    /// <summary>Marks every token that expired at or before <paramref name="now"/> (UTC) and is not yet marked; returns how many.</summary>
    public int MarkExpired(DateTime now)
    {
        var marked = 0;
        foreach (var listed in tokens.ListExpiringBefore(now).Where(t => t.ExpiredAt is null))
        {
            // The store's update is compare-and-set: if a revoke or restore lands between the listing and the write,
            // read the token again and mark that; a token deleted meanwhile is skipped.
            var token = listed;
            for (var attempt = 0; attempt < MaxWriteAttempts && token is { ExpiredAt: null }; attempt++)
            {
                token.ExpiredAt = now;
                var entry = audit.Entry(AuditActors.System, AuditActions.TokenExpired, token.Id, token.Name);
                if (tokens.Update(token, entry))
                {
                    audit.Written(entry);
                    marked++;
                    break;
                }

                token = tokens.FindById(token.Id);
            }

            cache.EvictToken(listed.Id);
        }

        return marked;
    }
}
