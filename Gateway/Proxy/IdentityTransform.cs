using System.Net.Http.Headers;
using ScimGateway.Tokens.Validation;
using Yarp.ReverseProxy.Transforms;

namespace ScimGateway.Gateway.Proxy;

/// <summary>
/// Strips the client's credential, every header a client could use to claim an identity, a method, a URL or an origin
/// (<see cref="ClientHeaderRules"/>) and the gateway's own cookies (<see cref="GatewayCookies"/>), then states who the
/// caller is. One instance serves every request: it reads the <see cref="ValidatedToken"/> the authentication handler
/// set, allocates nothing when the client sent nothing to strip, and never writes to the database.
/// </summary>
internal sealed class IdentityTransform(IdentityHeaders names, GatewayCookies cookies) : RequestTransform
{
    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        var headers = context.ProxyRequest.Headers;
        headers.Remove("Authorization");
        RemoveClientControlled(headers);
        RemoveGatewayCookies(headers);

        // The proxy pipeline refuses requests without a token before forwarding; this is the second line.
        var token = context.HttpContext.Features.Get<ValidatedToken>()
            ?? throw new InvalidOperationException("A proxied request reached the identity transform without a validated token.");

        headers.TryAddWithoutValidation(names.UserId, HeaderValues.Safe(token.OwnerId));
        headers.TryAddWithoutValidation(names.UserName, HeaderValues.Safe(token.UserName));
        headers.TryAddWithoutValidation(names.UserType, HeaderValues.For(token.OwnerKind));
        headers.TryAddWithoutValidation(names.Role, HeaderValues.For(token.Role));
        headers.TryAddWithoutValidation(names.TokenId, HeaderValues.Safe(token.TokenId));
        if (names.UpstreamAuthorization is { } upstreamCredential)
        {
            headers.TryAddWithoutValidation("Authorization", upstreamCredential);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Removes every header <see cref="ClientHeaderRules"/> drops. The non-validated view enumerates without
    /// allocating; clients rarely send such headers, so the list is almost never created. This transform runs before
    /// YARP's own X-Forwarded transform, which then sets fresh X-Forwarded-For/Proto/Host/Prefix values.
    /// </summary>
    private void RemoveClientControlled(HttpRequestHeaders headers)
    {
        List<string>? dropped = null;
        foreach (var header in headers.NonValidated)
        {
            if (ClientHeaderRules.IsDropped(header.Key, names.Prefix))
            {
                (dropped ??= []).Add(header.Key);
            }
        }

        if (dropped is not null)
        {
            foreach (var name in dropped)
            {
                headers.Remove(name);
            }
        }
    }

    /// <summary>Rewrites the <c>Cookie</c> header(s) without the gateway's cookies; untouched when there are none.</summary>
    private void RemoveGatewayCookies(HttpRequestHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues("Cookie", out var values))
        {
            return;
        }

        var changed = false;
        List<string>? kept = null;
        foreach (var value in values)
        {
            var filtered = cookies.Filter(value);
            changed |= !ReferenceEquals(filtered, value);
            if (filtered.Length > 0)
            {
                (kept ??= []).Add(filtered);
            }
        }

        if (!changed)
        {
            return;
        }

        headers.Remove("Cookie");
        if (kept is not null)
        {
            // One header, pairs joined with "; " (RFC 6265 section 5.4), as YARP itself joins several Cookie headers.
            headers.TryAddWithoutValidation("Cookie", string.Join("; ", kept));
        }
    }
}
