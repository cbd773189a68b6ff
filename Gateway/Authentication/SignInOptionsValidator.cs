using Microsoft.Extensions.Options;

namespace ScimGateway.Gateway.Authentication;

/// <summary>Checks the <c>Authentication</c> section at start, naming the setting that is wrong.</summary>
internal sealed class SignInOptionsValidator : IValidateOptions<SignInOptions>
{
    public ValidateOptionsResult Validate(string? name, SignInOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var session = options.Session;
        if (session.IdleTimeout <= TimeSpan.Zero)
        {
            failures.Add("Authentication:Session:IdleTimeout must be positive.");
        }

        if (session.AbsoluteLifetime <= TimeSpan.Zero || session.AbsoluteLifetime < session.IdleTimeout)
        {
            failures.Add("Authentication:Session:AbsoluteLifetime must be positive and at least Authentication:Session:IdleTimeout.");
        }

        var oidc = options.Oidc;
        if (!options.TokenSignIn && !oidc.Enabled)
        {
            failures.Add("Authentication:TokenSignIn can be false only when Authentication:Oidc:Authority is set: nobody could sign in.");
        }

        if (oidc.Enabled)
        {
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
            {
                failures.Add("Authentication:Oidc:Authority must be an absolute http(s) URL.");
            }
            else if (authority.Scheme == "http" && oidc.RequireHttpsMetadata)
            {
                failures.Add("Authentication:Oidc:Authority must use https (or set Authentication:Oidc:RequireHttpsMetadata=false for a loopback test provider).");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                failures.Add("Authentication:Oidc:ClientId is required when Authentication:Oidc:Authority is set.");
            }

            if (string.IsNullOrWhiteSpace(oidc.PersonClaim))
            {
                failures.Add("Authentication:Oidc:PersonClaim must name a claim, e.g. email.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
