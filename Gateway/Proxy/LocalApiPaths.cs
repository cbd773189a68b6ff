using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace ScimGateway.Gateway.Proxy;

/// <summary>
/// Paths under <c>/api</c> that the gateway serves itself, read from the endpoints actually mapped: each endpoint under
/// <c>/api</c> (other than the proxy's own routes) claims the literal start of its route pattern, so
/// <c>/api/user-tokens/{id}/usage</c> claims <c>/api/user-tokens</c> and everything below it. A request there that no
/// local endpoint matched (an unknown method or sub-path) must not fall through to the upstream, which has endpoints of
/// the same names. Non-canonical spellings never get this far: the canonical-path rule refused them.
/// </summary>
internal sealed class LocalApiPaths
{
    private readonly EndpointDataSource _endpoints;
    private string[][]? _prefixes;

    public LocalApiPaths(EndpointDataSource endpoints)
    {
        _endpoints = endpoints;

        // The proxy's routes can be reloaded from configuration; recompute then rather than keep a stale list.
        ChangeToken.OnChange(endpoints.GetChangeToken, () => _prefixes = null);
    }

    /// <summary>The claimed prefixes as literal segments, for diagnostics and tests.</summary>
    public IReadOnlyList<string> Prefixes => [.. Current().Select(segments => "/" + string.Join('/', segments))];

    /// <summary>
    /// True when <paramref name="path"/> is a claimed prefix or below one. Segments compare case-insensitively, and a
    /// segment also matches with a suffix after a '.' or ' ' (<c>user-tokens.json</c>, <c>user-tokens </c>), which
    /// suffix-matching frameworks and trimming file systems read as the same name.
    /// </summary>
    public bool IsLocal(PathString path)
    {
        var value = path.Value.AsSpan();
        foreach (var prefix in Current())
        {
            if (Matches(value, prefix))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(ReadOnlySpan<char> path, string[] prefix)
    {
        foreach (var literal in prefix)
        {
            if (path.IsEmpty || path[0] != '/')
            {
                return false;
            }

            path = path[1..];
            var end = path.IndexOf('/');
            var segment = end < 0 ? path : path[..end];
            if (!segment.StartsWith(literal, StringComparison.OrdinalIgnoreCase)
                || (segment.Length > literal.Length && segment[literal.Length] is not ('.' or ' ')))
            {
                return false;
            }

            path = end < 0 ? [] : path[end..];
        }

        return true;
    }

    private string[][] Current() => _prefixes ??= Build(_endpoints);

    private static string[][] Build(EndpointDataSource source)
    {
        var prefixes = new List<string[]>();
        foreach (var endpoint in source.Endpoints)
        {
            if (endpoint is not RouteEndpoint route || endpoint.IsProxyRoute())
            {
                continue;
            }

            var literals = LiteralStart(route.RoutePattern);

            // At least /api/<name>: an endpoint whose second segment is a parameter could claim all of /api.
            if (literals.Count >= 2 && literals[0].Equals("api", StringComparison.OrdinalIgnoreCase)
                && !prefixes.Any(p => p.SequenceEqual(literals, StringComparer.OrdinalIgnoreCase)))
            {
                prefixes.Add([.. literals]);
            }
        }

        // A prefix covers every longer one that starts with its segments, and every proxied request is checked against
        // each prefix kept: keep only those no other covers (the SCIM endpoints collapse into /api/scim/v2).
        return [.. prefixes.Where(prefix => !prefixes.Any(other => other.Length < prefix.Length && Covers(other, prefix)))];
    }

    private static bool Covers(string[] shorter, string[] longer) =>
        shorter.AsSpan().SequenceEqual(longer.AsSpan(0, shorter.Length), StringComparer.OrdinalIgnoreCase);

    private static List<string> LiteralStart(RoutePattern pattern)
    {
        var literals = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            if (segment.Parts is not [RoutePatternLiteralPart literal])
            {
                break;
            }

            literals.Add(literal.Content);
        }

        return literals;
    }
}
