using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Errors;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Gateway.Authentication;

/// <summary>
/// Authenticates <c>Authorization: Bearer</c> gateway tokens and answers challenges as RFC 6750 section 3 asks:
/// a bare <c>Bearer</c> challenge when no credentials came, <c>error="invalid_token"</c> when they were bad, and
/// <c>error="insufficient_scope"</c> on 403.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<TokenAuthenticationOptions> options,
    TokenHandlerLoggerFactory logger,
    UrlEncoder encoder,
    TokenValidator validator)
    : AuthenticationHandler<TokenAuthenticationOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";
    private static readonly ConditionalWeakTable<ValidatedToken, AuthenticateResult> s_results = [];

    // The base class creates an events object for every handler (so every request) whose options have none.
    private static readonly Task<object> s_noEvents = Task.FromResult(new object());
    private string? _failure;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        if (header.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var value = header.ToString().AsSpan();
        if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(value.Trim().Equals("Bearer", StringComparison.OrdinalIgnoreCase)
                ? "The bearer token is empty."
                : "The Authorization header must use the Bearer scheme.");
        }

        var token = value[BearerPrefix.Length..].Trim();
        if (token.IsEmpty)
        {
            return Fail("The bearer token is empty.");
        }

        var check = validator.Validate(token, out var entry);
        if (check != TokenCheck.Valid)
        {
            return Fail(Describe(check));
        }

        Context.Features.Set(entry!);
        return Task.FromResult(SuccessFor(entry!));
    }

    protected override Task<object> CreateEventsAsync() => s_noEvents;

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // A failure recorded by this request's authentication, or none when no credentials were sent.
        Response.Headers.WWWAuthenticate = _failure is null
            ? "Bearer"
            : $"Bearer error=\"invalid_token\", error_description=\"{_failure}\"";
        return ErrorResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized,
            _failure ?? "Authentication required: send Authorization: Bearer <token>.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var detail = ScimOnlyRule.Refusal(Context.Features.Get<ValidatedToken>() is { ScimOnly: true }, Request.Path);
        Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", error_description=\"{detail}\"";
        return ErrorResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, detail);
    }

    /// <summary>
    /// The success result for a token, shared like its principal by every request with the same cache entry: a result
    /// costs four objects (result, ticket, properties and their dictionary), and nothing writes to a bearer ticket.
    /// </summary>
    private AuthenticateResult SuccessFor(ValidatedToken token)
    {
        var result = s_results.GetValue(token, t => AuthenticateResult.Success(new AuthenticationTicket(GatewayPrincipal.PrincipalFor(t), Scheme.Name)));
        return result.Ticket!.AuthenticationScheme == Scheme.Name
            ? result
            : AuthenticateResult.Success(new AuthenticationTicket(GatewayPrincipal.PrincipalFor(token), Scheme.Name));
    }

    private Task<AuthenticateResult> Fail(string reason)
    {
        _failure = reason;
        return Task.FromResult(AuthenticateResult.Fail(reason));
    }

    private static string Describe(TokenCheck check) => check switch
    {
        TokenCheck.Revoked => "The token has been revoked.",
        TokenCheck.Expired => "The token has expired.",
        TokenCheck.OwnerInactive => "The token's owner is deactivated.",
        _ => "The token is not valid.",
    };
}
