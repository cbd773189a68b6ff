using System.Security.Claims;
using Microsoft.Extensions.Options;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Users;
using ScimGateway.Tokens.Accounts;

namespace ScimGateway.Gateway.Authentication.Oidc;

/// <summary>
/// Finds the directory person an identity provider vouched for. Only the claim named by
/// <c>Authentication:Oidc:PersonClaim</c> is read; the role always comes from the directory (SCIM), never from claims
/// the provider could add on the fly.
/// </summary>
internal sealed class OidcPersonMatcher(IScimUserStore users, IAccountDirectory accounts, IOptions<SignInOptions> options)
{
    public OidcMatch Match(ClaimsPrincipal principal)
    {
        var oidc = options.Value.Oidc;
        var value = principal.FindFirst(oidc.PersonClaim)?.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return OidcMatch.Refused(null, $"Your identity provider did not tell us who you are (no \"{oidc.PersonClaim}\" claim). Ask your administrator to release that claim to this application.");
        }

        // An address the person could set themselves and the provider has not verified does not identify them.
        if (oidc.PersonClaim == "email" && string.Equals(principal.FindFirst("email_verified")?.Value, "false", StringComparison.OrdinalIgnoreCase))
        {
            return OidcMatch.Refused(value, "Your e-mail address is not verified at your identity provider, so it cannot sign you in here.");
        }

        var record = oidc.MatchOn == OidcPersonMatch.UserName
            ? users.FindByUserName(value)
            : users.FindCandidates(new FilterIndexHint("externalId", value, CaseExact: true))
                .FirstOrDefault(u => string.Equals(u.ExternalId, value, StringComparison.Ordinal));
        var person = record is null ? null : accounts.FindById(record.Id);
        if (person is null)
        {
            return OidcMatch.Refused(value, "You are not provisioned here: this gateway only lets in people your identity provider has provisioned to it. Ask your administrator to assign you to the application.");
        }

        return person.Active
            ? new OidcMatch(person, value, null)
            : OidcMatch.Refused(value, "Your account here is deactivated. Ask your administrator to reactivate it in your identity provider.");
    }
}
