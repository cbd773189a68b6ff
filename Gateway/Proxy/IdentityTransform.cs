using System.Net.Http.Headers;
using ScimGateway.Tokens.Validation;
using Yarp.ReverseProxy.Transforms;

namespace ScimGateway.Gateway.Proxy;

/// <summary>
/// Strips the client's credential and any identity header it sent, then states who the caller is. One instance serves
/// every request: it reads the <see cref="ValidatedToken"/> the authentication handler set, allocates nothing beyond the
/// header entries, and never writes to the database.
/// </summary>
internal sealed class IdentityTransform(IdentityHeaders names) : RequestTransform
{
    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        var headers = context.ProxyRequest.Headers;
        headers.Remove("Authorization");
        RemovePrefixed(headers);

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
    /// Removes from the outgoing request every header with the identity prefix. The non-validated view enumerates
    /// without allocating; clients rarely send such headers, so the list is almost never created.
    /// </summary>
    private void RemovePrefixed(HttpRequestHeaders headers)
    {
        List<string>? spoofed = null;
        foreach (var header in headers.NonValidated)
        {
            if (header.Key.StartsWith(names.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                (spoofed ??= []).Add(header.Key);
            }
        }

        if (spoofed is not null)
        {
            foreach (var name in spoofed)
            {
                headers.Remove(name);
            }
        }
    }
}
