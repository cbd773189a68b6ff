using System.Runtime.CompilerServices;
using System.Security.Claims;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Authentication;

/// <summary>
/// The gateway's one shape of a caller, whatever the way in (bearer token, browser session, command line). The only
/// place that writes the principal's claims and the only place that reads them back; endpoints, policies and the
/// proxy ask this type, never a claim by name. <see cref="ToCaller"/> is the one mapping to the token module's
/// <see cref="Caller"/>.
/// </summary>
/// <param name="SubjectId">The owner id: a person's SCIM id or a service user's id (<c>cli</c> for the command line).</param>
/// <param name="UserName">The owner's user name, for the audit trail and the pages.</param>
/// <param name="Kind">Person or service user.</param>
/// <param name="Role">The owner's role.</param>
/// <param name="TokenId">The token presented, or the token a token sign-in used; null for other sessions and the command line.</param>
/// <param name="ScimOnly">True for a SCIM-administration token; never true for a session or the command line.</param>
/// <param name="Authentication">How the caller authenticated.</param>
/// <param name="SessionId">The server-side browser session id; null unless <paramref name="Authentication"/> is a session.</param>
public sealed record GatewayPrincipal(
    string SubjectId,
    string UserName,
    OwnerKind Kind,
    Role Role,
    string? TokenId,
    bool ScimOnly,
    CallerAuthentication Authentication,
    string? SessionId)
{
    /// <summary>The claim that says how the caller authenticated (a <see cref="CallerAuthentication"/> name).</summary>
    public const string AuthenticationClaim = "auth";

    /// <summary>The claim value for true, as the token module writes it.</summary>
    private const string True = "true";

    // Token principals are shared by every request with the same cache entry, as the token module's own were: building
    // one per request would cost the hot path an allocation burst for nothing.
    private static readonly ConditionalWeakTable<ValidatedToken, ClaimsPrincipal> s_tokenPrincipals = [];

    /// <summary>The operator the command line acts as: a service admin named <c>cli</c>.</summary>
    public static GatewayPrincipal CommandLine { get; } =
        new("cli", "cli", OwnerKind.Service, Role.Admin, null, false, CallerAuthentication.CommandLine, null);

    /// <summary>A caller with a valid bearer token.</summary>
    public static GatewayPrincipal ForToken(ValidatedToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new(token.OwnerId, token.UserName, token.OwnerKind, token.Role, token.TokenId, token.ScimOnly, CallerAuthentication.BearerToken, null);
    }

    /// <summary>A person with a browser session; <paramref name="tokenId"/> is the token a token sign-in used.</summary>
    public static GatewayPrincipal ForSession(string sessionId, string personId, string userName, Role role, string? tokenId) =>
        new(personId, userName, OwnerKind.Human, role, tokenId, false, CallerAuthentication.BrowserSession, sessionId);

    /// <summary>The shared, never-mutated principal handed to ASP.NET Core for a bearer token.</summary>
    public static ClaimsPrincipal PrincipalFor(ValidatedToken token) =>
        s_tokenPrincipals.GetValue(token, static t => ForToken(t).ToClaimsPrincipal());

    /// <summary>
    /// Reads the caller back from a principal this type wrote; null when the principal is anonymous or carries no
    /// subject. A session cookie written before the <see cref="AuthenticationClaim"/> existed reads by its scheme.
    /// </summary>
    public static GatewayPrincipal? From(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true } identity || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } subject)
        {
            return null;
        }

        var authentication = Enum.TryParse<CallerAuthentication>(user.FindFirstValue(AuthenticationClaim), out var parsed) ? parsed
            : identity.AuthenticationType == SessionAuthenticationDefaults.Scheme ? CallerAuthentication.BrowserSession
            : CallerAuthentication.BearerToken;
        return new(
            subject,
            identity.Name ?? "",
            Enum.TryParse<OwnerKind>(user.FindFirstValue(TokenClaimTypes.UserType), out var kind) ? kind : OwnerKind.Human,
            RoleNames.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role) ? role : Role.Member,
            user.FindFirstValue(TokenClaimTypes.TokenId),
            user.HasClaim(TokenClaimTypes.ScimOnly, True),
            authentication,
            user.FindFirstValue(SessionAuthenticationDefaults.SessionIdClaim));
    }

    /// <summary>True when <paramref name="user"/> holds a SCIM-administration token.</summary>
    public static bool IsScimOnly(ClaimsPrincipal? user) => user?.HasClaim(TokenClaimTypes.ScimOnly, True) == true;

    /// <summary>The claims, written in this one place, under the scheme that matches <see cref="Authentication"/>.</summary>
    public ClaimsPrincipal ToClaimsPrincipal()
    {
        var claims = new List<Claim>(9)
        {
            new(ClaimTypes.NameIdentifier, SubjectId),
            new(ClaimTypes.Name, UserName),
            new(ClaimTypes.Role, Role.ToString()),
            new(TokenClaimTypes.UserType, Kind.ToString()),
            new(TokenClaimTypes.TokenKind, Kind.TokenTypeName()),
            new(TokenClaimTypes.ScimOnly, ScimOnly ? True : "false"),
            new(AuthenticationClaim, Authentication.ToString()),
        };
        if (TokenId is not null)
        {
            claims.Add(new Claim(TokenClaimTypes.TokenId, TokenId));
        }

        if (SessionId is not null)
        {
            claims.Add(new Claim(SessionAuthenticationDefaults.SessionIdClaim, SessionId));
        }

        var scheme = Authentication switch
        {
            CallerAuthentication.BrowserSession => SessionAuthenticationDefaults.Scheme,
            CallerAuthentication.BearerToken => TokenAuthenticationDefaults.Scheme,
            _ => "CommandLine",
        };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The token module's view of this caller; <paramref name="clientAddress"/> goes to the audit trail.</summary>
    public Caller ToCaller(string? clientAddress) => new(SubjectId, Kind, UserName, Role, ScimOnly, clientAddress);
}
