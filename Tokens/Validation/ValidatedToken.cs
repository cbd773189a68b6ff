using System.Security.Claims;
using ScimGateway.Tokens.Format;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Validation;

/// <summary>
/// A cache entry: a token the store knows, with its owner as of the last load. Immutable; any change to the token or
/// its owner evicts it, and the next request loads a fresh one.
/// </summary>
public sealed class ValidatedToken
{
    /// <summary>Creates an entry and its principal.</summary>
    public ValidatedToken(TokenHash hash, string tokenId, string ownerId, OwnerKind ownerKind, string userName, Role role,
        bool scimOnly, bool revoked, bool ownerActive, DateTimeOffset? expiresAt, UsageCounter usage)
    {
        Hash = hash;
        TokenId = tokenId;
        OwnerId = ownerId;
        OwnerKind = ownerKind;
        UserName = userName;
        Role = role;
        ScimOnly = scimOnly;
        Revoked = revoked;
        OwnerActive = ownerActive;
        ExpiresAtUtcTicks = expiresAt?.UtcTicks ?? long.MaxValue;
        Usage = usage;
        Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, ownerId),
                new Claim(ClaimTypes.Name, userName),
                new Claim(ClaimTypes.Role, role.ToString()),
                new Claim(TokenClaimTypes.TokenId, tokenId),
                new Claim(TokenClaimTypes.UserType, ownerKind.ToString()),
                new Claim(TokenClaimTypes.TokenKind, ownerKind.TokenTypeName()),
                new Claim(TokenClaimTypes.ScimOnly, scimOnly ? "true" : "false"),
            ],
            authenticationType: "Bearer",
            nameType: ClaimTypes.Name,
            roleType: ClaimTypes.Role));
    }

    /// <summary>The SHA-256 of the token: the cache key.</summary>
    public TokenHash Hash { get; }

    /// <summary>The token id.</summary>
    public string TokenId { get; }

    /// <summary>The owner id.</summary>
    public string OwnerId { get; }

    /// <summary>Person or service user.</summary>
    public OwnerKind OwnerKind { get; }

    /// <summary>The owner's user name (service users: their id).</summary>
    public string UserName { get; }

    /// <summary>The owner's role when loaded.</summary>
    public Role Role { get; }

    /// <summary>Whether the token may call only SCIM.</summary>
    public bool ScimOnly { get; }

    /// <summary>Whether the token was revoked when loaded.</summary>
    public bool Revoked { get; }

    /// <summary>Whether the owner was active when loaded.</summary>
    public bool OwnerActive { get; }

    /// <summary>Expiry in UTC ticks; <see cref="long.MaxValue"/> for never.</summary>
    public long ExpiresAtUtcTicks { get; }

    /// <summary>The in-memory usage figures the request path increments.</summary>
    public UsageCounter Usage { get; }

    /// <summary>The principal handed to ASP.NET Core; shared by every request with this token, so never mutate it.</summary>
    public ClaimsPrincipal Principal { get; }

    /// <summary>Checks the entry against the clock: expiry is never left to a job.</summary>
    public TokenCheck CheckAt(long utcNowTicks) =>
        Revoked ? TokenCheck.Revoked
        : utcNowTicks >= ExpiresAtUtcTicks ? TokenCheck.Expired
        : !OwnerActive ? TokenCheck.OwnerInactive
        : TokenCheck.Valid;
}
