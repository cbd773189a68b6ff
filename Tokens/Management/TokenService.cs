using Microsoft.Extensions.Options;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Format;
using ScimGateway.Tokens.ServiceUsers;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Tokens.Management;

/// <summary>The token lifecycle: issue, list, revoke, restore, delete, with the product's rules.</summary>
public sealed class TokenService(
    ITokenStore store,
    IServiceUserStore serviceUsers,
    TokenOwners owners,
    TokenViews views,
    TokenCodec codec,
    TokenValidationCache cache,
    UsageAccumulator usage,
    AuditTrail audit,
    TimeProvider time)
{
    private const int MaxStateWriteAttempts = 8;

    /// <summary>Creates a token for the caller (personal) or for a service user (service, admins only).</summary>
    public Outcome<IssuedToken> Issue(Caller caller, IssueTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if ((TokenRules.CheckName(request.Name) ?? TokenRules.CheckExpiresInDays(request.ExpiresInDays)) is { } invalid)
        {
            return Outcome<IssuedToken>.Fail(ErrorKind.BadRequest, invalid);
        }

        if (request.ScimOnly && !caller.IsAdmin)
        {
            return Outcome<IssuedToken>.Fail(ErrorKind.Forbidden, "Only admins can create SCIM administration tokens.");
        }

        var owner = ResolveOwner(caller, request.ServiceUserId);
        return owner.Succeeded ? IssueFor(owner.Value!, request, caller) : owner.As<IssuedToken>();
    }

    /// <summary>Issues a token to a known owner with no permission checks: for the command line only.</summary>
    public Outcome<IssuedToken> IssueFor(TokenOwner owner, IssueTokenRequest request, Caller actor)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if ((TokenRules.CheckName(request.Name) ?? TokenRules.CheckExpiresInDays(request.ExpiresInDays)) is { } invalid)
        {
            return Outcome<IssuedToken>.Fail(ErrorKind.BadRequest, invalid);
        }

        // Whole seconds, so the stored expiry and the JWT's exp are the same instant.
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var expiresAt = request.ExpiresInDays is { } days ? now.AddDays(days) : (DateTimeOffset?)null;
        var id = Guid.CreateVersion7(now).ToString();
        var name = request.Name.Trim();
        var bearer = codec.Encode(new TokenClaims(id, owner.Id, owner.Kind.TokenTypeName(),
            request.ScimOnly, now, expiresAt));
        var record = new TokenRecord
        {
            Id = id,
            Hash = TokenHash.Compute(bearer).ToHex(),
            Name = name,
            OwnerNameKey = TokenRecord.MakeOwnerNameKey(owner.Id, name),
            OwnerId = owner.Id,
            OwnerKind = owner.Kind,
            ScimOnly = request.ScimOnly,
            CreatedAt = now.UtcDateTime,
            CreatedBy = actor.Id,
            ExpiresAt = expiresAt?.UtcDateTime,
        };

        var entry = AuditEntry(actor, AuditActions.TokenCreated, record);
        try
        {
            store.Insert(record, entry);
        }
        catch (DuplicateTokenNameException)
        {
            return Outcome<IssuedToken>.Fail(ErrorKind.Conflict, $"A token named '{name}' already exists for this owner.");
        }

        audit.Written(entry);
        return Outcome<IssuedToken>.Ok(new IssuedToken(views.Show(record, owner), bearer));
    }

    /// <summary>The caller's own tokens.</summary>
    public IReadOnlyList<TokenView> ListOwn(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var owner = owners.Find(caller.Id, caller.Kind);
        return [.. store.ListByOwner(caller.Id).Select(t => views.Show(t, owner))];
    }

    /// <summary>All service tokens, optionally of one service user (admins only).</summary>
    public Outcome<IReadOnlyList<TokenView>> ListService(Caller caller, string? serviceUserId = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin)
        {
            return Outcome<IReadOnlyList<TokenView>>.Fail(ErrorKind.Forbidden, "Only admins can list service tokens.");
        }

        var tokens = store.ListByOwnerKind(OwnerKind.Service).Where(t => serviceUserId is null || t.OwnerId == serviceUserId);
        return Outcome<IReadOnlyList<TokenView>>.Ok([.. tokens.Select(t => views.Show(t))]);
    }

    /// <summary>One token the caller may see.</summary>
    public Outcome<TokenView> Get(Caller caller, string id)
    {
        var found = FindVisible(caller, id);
        return found.Succeeded ? Outcome<TokenView>.Ok(views.Show(found.Value!)) : found.As<TokenView>();
    }

    /// <summary>Revokes (<paramref name="revoke"/> true) or restores a token. Takes effect on the very next request.</summary>
    public Outcome<(TokenView Token, string Message)> SetRevoked(Caller caller, string id, bool revoke)
    {
        // Compare-and-set: a concurrent revoke, restore or expiry marking between our read and our write makes the
        // write fail, and we decide again on the fresh record. A handful of rounds is plenty: each lost round means
        // another writer made progress.
        for (var attempt = 0; attempt < MaxStateWriteAttempts; attempt++)
        {
            var found = FindVisible(caller, id);
            if (!found.Succeeded)
            {
                return found.As<(TokenView, string)>();
            }

            var record = found.Value!;
            var status = record.StatusAt(time.GetUtcNow());
            if (revoke && status == TokenStatus.Active)
            {
                record.RevokedAt = time.GetUtcNow().UtcDateTime;
                record.RevokedBy = caller.Id;
                record.RevokedByKind = caller.Kind;
                record.RevokedByRole = caller.Role;
            }
            else if (!revoke && status == TokenStatus.Revoked)
            {
                if (record.RevokedByOtherAdmin(caller.Id) && !caller.IsAdmin)
                {
                    return Outcome<(TokenView, string)>.Fail(ErrorKind.Forbidden,
                        "This token was revoked by an admin; only an admin can restore it.");
                }

                record.RevokedAt = null;
                record.RevokedBy = null;
                record.RevokedByKind = null;
                record.RevokedByRole = null;
            }
            else if (revoke && status == TokenStatus.Revoked)
            {
                return Outcome<(TokenView, string)>.Ok((views.Show(record), TokenMessages.Revoked));
            }
            else
            {
                return Outcome<(TokenView, string)>.Fail(ErrorKind.Conflict, status switch
                {
                    TokenStatus.Expired when revoke => "The token has expired and can no longer be revoked.",
                    TokenStatus.Expired => "Only a revoked token that has not expired can be restored; this token has expired.",
                    _ => "Only a revoked token can be restored; this token is active.",
                });
            }

            var entry = AuditEntry(caller, revoke ? AuditActions.TokenRevoked : AuditActions.TokenRestored, record);
            if (!store.Update(record, entry))
            {
                continue;
            }

            cache.EvictToken(record.Id);
            audit.Written(entry);
            return Outcome<(TokenView, string)>.Ok((views.Show(record), revoke ? TokenMessages.Revoked : TokenMessages.Restored));
        }

        return Outcome<(TokenView, string)>.Fail(ErrorKind.Conflict, "The token is being changed by another request; try again.");
    }

    /// <summary>Deletes a revoked or expired token; returns the message to show.</summary>
    public Outcome<string> Delete(Caller caller, string id)
    {
        var found = FindVisible(caller, id);
        if (!found.Succeeded)
        {
            return found.As<string>();
        }

        var record = found.Value!;
        if (record.StatusAt(time.GetUtcNow()) == TokenStatus.Active)
        {
            return Outcome<string>.Fail(ErrorKind.Conflict, "Only revoked or expired tokens can be deleted; revoke the token first.");
        }

        var entry = AuditEntry(caller, AuditActions.TokenDeleted, record);
        if (!store.Delete(record.Id, entry))
        {
            return Outcome<string>.Fail(ErrorKind.NotFound, $"Token '{id}' not found.");
        }

        Forget(record);
        audit.Written(entry);
        return Outcome<string>.Ok(TokenMessages.Deleted(record.OwnerKind));
    }

    /// <summary>Deletes every token of an owner, whatever their state: used when the person is deleted.</summary>
    public int DeleteAllOwnedBy(string ownerId, string actor)
    {
        AuditRecord Entry(TokenRecord token) => audit.Entry(actor, AuditActions.TokenDeleted, token.Id, token.Name);
        var deleted = store.DeleteAllOwnedBy(ownerId, Entry);
        cache.EvictOwner(ownerId);
        foreach (var token in deleted)
        {
            Forget(token);
            audit.Written(Entry(token));
        }

        return deleted.Count;
    }

    private void Forget(TokenRecord record)
    {
        cache.EvictToken(record.Id);
        usage.Remove(record.Id);
    }

    // The actor's kind and role go with every event, so the trail shows whether an admin or the owner acted.
    private AuditRecord AuditEntry(Caller actor, string action, TokenRecord record) =>
        audit.Entry(actor.Id, action, record.Id, record.Name, actor.ClientAddress, actor.Kind.ToString(), actor.Role.ToString());

    private Outcome<TokenRecord> FindVisible(Caller caller, string id)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var record = string.IsNullOrEmpty(id) ? null : store.FindById(id);

        // Personal tokens are private even from admins; service tokens are every admin's business.
        var visible = record is not null
            && (record.OwnerId == caller.Id || (record.OwnerKind == OwnerKind.Service && caller.IsAdmin));
        return visible ? Outcome<TokenRecord>.Ok(record!) : Outcome<TokenRecord>.Fail(ErrorKind.NotFound, $"Token '{id}' not found.");
    }

    private Outcome<TokenOwner> ResolveOwner(Caller caller, string? serviceUserId)
    {
        if (serviceUserId is null)
        {
            if (caller.Kind != OwnerKind.Human)
            {
                return Outcome<TokenOwner>.Fail(ErrorKind.BadRequest,
                    "Service users hold service tokens only: set user_id to the service user that will own the token.");
            }

            return owners.Find(caller.Id, OwnerKind.Human) is { } self
                ? Outcome<TokenOwner>.Ok(self)
                : Outcome<TokenOwner>.Fail(ErrorKind.NotFound, "The calling user no longer exists.");
        }

        if (!caller.IsAdmin)
        {
            return Outcome<TokenOwner>.Fail(ErrorKind.Forbidden, "Only admins can create service tokens.");
        }

        var serviceUser = serviceUsers.FindById(serviceUserId);
        return serviceUser switch
        {
            null => Outcome<TokenOwner>.Fail(ErrorKind.NotFound, $"Service user '{serviceUserId}' not found."),
            { DeactivatedAt: not null } => Outcome<TokenOwner>.Fail(ErrorKind.Conflict, $"Service user '{serviceUserId}' is deactivated."),
            _ => Outcome<TokenOwner>.Ok(TokenOwners.FromServiceUser(serviceUser)),
        };
    }
}
