namespace ScimGateway.Gateway.Proxy;

/// <summary>
/// Which client request headers never reach the upstream. Names compare ASCII case-insensitively with <c>_</c> read as
/// <c>-</c>: WSGI, CGI and several proxies turn both <c>X-Gateway-User-Id</c> and <c>X_Gateway_User_Id</c> into the
/// same variable, so a client could otherwise smuggle an identity or a forwarding claim past a plain name match.
/// </summary>
internal static class ClientHeaderRules
{
    /// <summary>
    /// <c>X-Forwarded-*</c> and <c>Forwarded</c> (RFC 7239) claim where the request came from; YARP adds its own
    /// <c>X-Forwarded-For/Proto/Host/Prefix</c> after this. <c>X-Original-*</c> covers <c>X-Original-URL</c> (IIS URL
    /// rewrite, Symfony) and the <c>X-Original-For/Proto/Host</c> that ASP.NET's forwarded-headers middleware leaves.
    /// </summary>
    private static readonly string[] s_prefixes = ["X-Forwarded-", "X-Original-"];

    /// <summary>Method overrides (a GET that the upstream runs as DELETE), URL overrides and client-address claims.</summary>
    private static readonly string[] s_names =
    [
        "Forwarded", "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override", "X-Rewrite-URL",
        "X-Real-IP", "X-Client-IP", "True-Client-IP",
    ];

    /// <summary>True when a client header of this name must not be forwarded.</summary>
    public static bool IsDropped(ReadOnlySpan<char> name, ReadOnlySpan<char> identityPrefix)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        // Most headers (Accept, Content-Type, User-Agent...) are kept after one comparison.
        var first = Fold(name[0]);
        if (first is not ('x' or 'f' or 't') && (identityPrefix.IsEmpty || first != Fold(identityPrefix[0])))
        {
            return false;
        }

        if (StartsWith(name, identityPrefix))
        {
            return true;
        }

        foreach (var prefix in s_prefixes)
        {
            if (StartsWith(name, prefix))
            {
                return true;
            }
        }

        foreach (var dropped in s_names)
        {
            if (name.Length == dropped.Length && StartsWith(name, dropped))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Prefix comparison, ASCII case-insensitive, with <c>_</c> and <c>-</c> the same.</summary>
    public static bool StartsWith(ReadOnlySpan<char> name, ReadOnlySpan<char> prefix)
    {
        if (name.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (Fold(name[i]) != Fold(prefix[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static char Fold(char c) => c == '_' ? '-' : char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
}
