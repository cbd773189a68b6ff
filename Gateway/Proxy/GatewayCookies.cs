using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Authentication;

namespace ScimGateway.Gateway.Proxy;

/// <summary>
/// The gateway's own cookies, which the upstream must never see: the session cookie (and the chunks
/// <c>{name}C1</c>, <c>{name}C2</c>... that ASP.NET's chunking cookie manager splits a large one into), the antiforgery
/// cookie, and ASP.NET's default-named cookies (<c>.AspNetCore.*</c>: OpenID Connect correlation and nonce, and the
/// defaults of any handler added later). Names are read from the configured options, not repeated here.
/// </summary>
internal sealed class GatewayCookies(IOptionsMonitor<CookieAuthenticationOptions> cookies, IOptions<AntiforgeryOptions> antiforgery)
{
    private const string AspNetCorePrefix = ".AspNetCore.";
    private static readonly SearchValues<char> s_digits = SearchValues.Create("0123456789");

    private readonly string _session = cookies.Get(SessionAuthenticationDefaults.Scheme).Cookie.Name ?? SessionAuthenticationDefaults.CookieName;
    private readonly string? _antiforgery = antiforgery.Value.Cookie.Name;

    /// <summary>
    /// The <c>Cookie</c> header value without the gateway's cookies; the same instance when there were none. Pairs
    /// split on <c>;</c> with any spacing. ASP.NET reads names case-insensitively and percent-decoded, so they compare
    /// that way here too. A pair that hides a gateway cookie after a comma (the obsolete RFC 2965 separator) is
    /// dropped whole.
    /// </summary>
    public string Filter(string header)
    {
        if (!ContainsGatewayCookie(header))
        {
            return header;
        }

        var kept = new StringBuilder(header.Length);
        foreach (var range in header.AsSpan().Split(';'))
        {
            var pair = header.AsSpan(range).Trim();
            if (pair.IsEmpty || HasGatewayCookie(pair))
            {
                continue;
            }

            if (kept.Length > 0)
            {
                kept.Append("; ");
            }

            kept.Append(pair);
        }

        return kept.ToString();
    }

    /// <summary>True when <paramref name="name"/> (already trimmed) is one of the gateway's cookies.</summary>
    public bool IsGatewayCookie(ReadOnlySpan<char> name)
    {
        if (name.Contains('%'))
        {
            name = Uri.UnescapeDataString(name.ToString()).AsSpan().Trim();
        }

        return name.Equals(_session, StringComparison.OrdinalIgnoreCase)
            || IsChunk(name)
            || (_antiforgery is not null && name.Equals(_antiforgery, StringComparison.OrdinalIgnoreCase))
            || name.StartsWith(AspNetCorePrefix, StringComparison.OrdinalIgnoreCase);
    }

    private bool ContainsGatewayCookie(string header)
    {
        foreach (var range in header.AsSpan().Split(';'))
        {
            if (HasGatewayCookie(header.AsSpan(range)))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasGatewayCookie(ReadOnlySpan<char> pair)
    {
        foreach (var range in pair.Split(','))
        {
            var part = pair[range];
            var equals = part.IndexOf('=');
            if (IsGatewayCookie((equals < 0 ? part : part[..equals]).Trim()))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsChunk(ReadOnlySpan<char> name) =>
        name.Length > _session.Length + 1 && name.StartsWith(_session, StringComparison.OrdinalIgnoreCase)
        && (name[_session.Length] | 0x20) == 'c' && !name[(_session.Length + 1)..].ContainsAnyExcept(s_digits);
}
