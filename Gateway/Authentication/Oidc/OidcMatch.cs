using ScimGateway.Tokens.Accounts;

namespace ScimGateway.Gateway.Authentication.Oidc;

/// <summary>The outcome of matching a provider's person to the directory: the person, or the sentence that refuses them.</summary>
internal sealed record OidcMatch(AccountInfo? Person, string? ClaimValue, string? Refusal)
{
    public static OidcMatch Refused(string? claimValue, string refusal) => new(null, claimValue, refusal);
}
