namespace ScimGateway.Tokens;

/// <summary>The lifecycle state of a token as clients see it.</summary>
public enum TokenStatus
{
    /// <summary>Usable.</summary>
    Active = 0,

    /// <summary>Revoked by its owner or an admin; may be restored while unexpired.</summary>
    Revoked = 1,

    /// <summary>Past its expiration time.</summary>
    Expired = 2,
}
