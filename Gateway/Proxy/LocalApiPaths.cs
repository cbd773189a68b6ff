using ScimGateway.Scim.Endpoints;

namespace ScimGateway.Gateway.Proxy;

/// <summary>
/// Paths under <c>/api</c> that the gateway serves itself. A request there that no local endpoint matched (an unknown
/// method or sub-path) must not fall through to the upstream, which has endpoints of the same names.
/// </summary>
internal static class LocalApiPaths
{
    private static readonly PathString[] s_prefixes =
    [
        "/api/user-tokens",
        "/api/service-users",
        "/api/audit",
        "/api/cli/authorize",
        ScimEndpointRouteBuilderExtensions.BasePath,
    ];

    public static bool IsLocal(PathString path)
    {
        foreach (var prefix in s_prefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Kestrel leaves an encoded slash (<c>%2F</c>) undecoded, so <c>/api/scim%2Fv2/Users</c> would not match the
    /// local routes but could mean the SCIM path to an upstream that decodes it. Such paths are checked decoded too.
    /// </summary>
    public static bool IsLocalOrDisguised(PathString path)
    {
        if (IsLocal(path))
        {
            return true;
        }

        var value = path.Value;
        return value is not null && value.Contains('%', StringComparison.Ordinal) && IsLocal(new PathString(Uri.UnescapeDataString(value)));
    }
}
