namespace ScimGateway.Tokens.Validation;

/// <summary>The outcome of checking a presented token.</summary>
public enum TokenCheck
{
    /// <summary>The token may be used.</summary>
    Valid = 0,

    /// <summary>Not shaped like a gateway token.</summary>
    Malformed,

    /// <summary>Shaped like one, but this gateway did not sign it.</summary>
    BadSignature,

    /// <summary>Signed here, but not (or no longer) in the store.</summary>
    Unknown,

    /// <summary>Revoked.</summary>
    Revoked,

    /// <summary>Past its expiration.</summary>
    Expired,

    /// <summary>Its owner is deactivated or gone.</summary>
    OwnerInactive,
}
