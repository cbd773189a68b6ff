namespace ScimGateway.Tokens.Storage;

/// <summary>A token as stored: everything about it except the token itself, of which only the SHA-256 is kept.</summary>
public sealed class TokenRecord
{
    /// <summary>The token id, also the JWT's <c>jti</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the whole token.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The name its owner gave it.</summary>
    public string Name { get; set; } = "";

    /// <summary>Owner id and upper-cased name: a unique index on it makes names unique per owner, case-insensitively.</summary>
    public string OwnerNameKey { get; set; } = "";

    /// <summary>The id of the person or service user that owns the token.</summary>
    public string OwnerId { get; set; } = "";

    /// <summary>Whether the owner is a person (personal token) or a service user (service token).</summary>
    public OwnerKind OwnerKind { get; set; }

    /// <summary>Whether the token may call only the SCIM endpoints.</summary>
    public bool ScimOnly { get; set; }

    /// <summary>When it was created (UTC, whole seconds).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Who created it (an owner id, or <c>cli</c>).</summary>
    public string CreatedBy { get; set; } = "";

    /// <summary>When it stops working (UTC, whole seconds); null for never.</summary>
    public DateTime? ExpiresAt { get; set; }

    /// <summary>When it was revoked; null while not revoked.</summary>
    public DateTime? RevokedAt { get; set; }

    /// <summary>The id of whoever revoked it (an owner id); null while not revoked.</summary>
    public string? RevokedBy { get; set; }

    /// <summary>Whether that revoker was a person or a service user.</summary>
    public OwnerKind? RevokedByKind { get; set; }

    /// <summary>
    /// The revoker's role at the time. A token an admin revoked can be restored only by an admin (or by that same
    /// admin), so an owner cannot undo an admin's decision.
    /// </summary>
    public Role? RevokedByRole { get; set; }

    /// <summary>
    /// When the expiration job recorded that the token had expired; null until then. Set once, so that the
    /// <c>token.expired</c> audit event is written once per token.
    /// </summary>
    public DateTime? ExpiredAt { get; set; }

    /// <summary>
    /// Bumped by every change of the lifecycle fields (revocation, expiry marking). Those changes are compare-and-set
    /// on it, so two writers that read the same version cannot both win; usage fields are written on their own and
    /// never touch it. Records stored before this field existed read as 0.
    /// </summary>
    public long Version { get; set; }

    /// <summary>When it was last used, as last folded from the usage buckets.</summary>
    public DateTime? LastUsedAt { get; set; }

    /// <summary>The client address of that last use.</summary>
    public string? LastUsedAddress { get; set; }

    /// <summary>Builds the value of <see cref="OwnerNameKey"/>.</summary>
    public static string MakeOwnerNameKey(string ownerId, string name) => ownerId + "|" + name.ToUpperInvariant();

    /// <summary>True when an admin other than <paramref name="callerId"/> revoked it.</summary>
    public bool RevokedByOtherAdmin(string callerId) =>
        RevokedAt is not null && RevokedByRole == Role.Admin && !string.Equals(RevokedBy, callerId, StringComparison.Ordinal);

    /// <summary>The status at the given time: expiry outranks revocation, since it cannot be undone.</summary>
    public TokenStatus StatusAt(DateTimeOffset now) =>
        ExpiresAt is { } expiresAt && new DateTimeOffset(expiresAt, TimeSpan.Zero) <= now ? TokenStatus.Expired
        : RevokedAt is not null ? TokenStatus.Revoked
        : TokenStatus.Active;
}
