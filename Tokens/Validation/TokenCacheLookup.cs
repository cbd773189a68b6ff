namespace ScimGateway.Tokens.Validation;

/// <summary>How a token check used the validation cache: the <c>cache</c> label of <c>gateway.token.checks</c>.</summary>
public enum TokenCacheLookup
{
    /// <summary>Never looked up (not shaped like a token).</summary>
    None = 0,

    /// <summary>The cache held the token.</summary>
    Hit,

    /// <summary>Not cached: the signature was checked and the store read.</summary>
    Miss,

    /// <summary>The store was away and a kept entry answered, within the cluster grace window.</summary>
    Grace,
}
