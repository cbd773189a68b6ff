namespace ScimGateway.Tokens.Validation;

/// <summary>Claim types the gateway puts on an authenticated token's principal.</summary>
public static class TokenClaimTypes
{
    /// <summary>The token's id.</summary>
    public const string TokenId = "token_id";

    /// <summary><c>Human</c> or <c>Service</c>.</summary>
    public const string UserType = "user_type";

    /// <summary><c>personal</c> or <c>service</c>.</summary>
    public const string TokenKind = "token_kind";

    /// <summary><c>true</c> for SCIM-administration tokens.</summary>
    public const string ScimOnly = "scim";
}
