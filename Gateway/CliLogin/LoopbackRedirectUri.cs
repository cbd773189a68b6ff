using System.Globalization;
using System.Text.RegularExpressions;

namespace ScimGateway.Gateway.CliLogin;

/// <summary>
/// The only redirect targets CLI sign-in accepts: the CLI's one-shot server on the person's own machine,
/// <c>http://{127.0.0.1|[::1]|localhost}:{port}/callback</c>, spelled exactly so. RFC 8252 section 7.3 (loopback
/// redirection for native apps) and RFC 9700 section 4.1 (exact matching, no open redirects).
/// </summary>
/// <remarks>
/// The raw string is matched as a whole instead of being parsed with <see cref="Uri"/> first: <see cref="Uri"/> quietly
/// repairs input (backslashes, tabs, percent-escapes, user info), and a check on the repaired value could pass
/// something a browser reads differently. Here nothing is repaired: no user info, no query, no fragment, no trailing
/// slash, no other path, lower-case scheme and host only, a port from 1 to 65535 without leading zeros.
/// </remarks>
internal static partial class LoopbackRedirectUri
{
    /// <summary>Longer than any valid value (<c>http://localhost:65535/callback</c> is 31 characters).</summary>
    private const int MaxLength = 64;

    /// <summary>The value when it is acceptable, else null.</summary>
    public static string? Accept(string? value)
    {
        if (value is null || value.Length > MaxLength)
        {
            return null;
        }

        var match = Shape().Match(value);
        return match.Success && int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture) is >= 1 and <= 65535 ? value : null;
    }

    /// <summary>The scheme, host and port of an accepted value, for the consent page's <c>form-action</c>.</summary>
    public static string Origin(string accepted) => accepted[..accepted.LastIndexOf('/')];

    /// <summary>
    /// The CSP source that allows the redirect to an accepted value. CSP host sources have no IPv6 literal form (CSP
    /// Level 3, section 2.3.1), so for <c>[::1]</c> the scheme source <c>http:</c> stands in.
    /// </summary>
    public static string CspSource(string accepted) =>
        accepted.StartsWith("http://[", StringComparison.Ordinal) ? "http:" : Origin(accepted);

    [GeneratedRegex(@"\Ahttp://(?:127\.0\.0\.1|\[::1\]|localhost):(?<port>[1-9][0-9]{0,4})/callback\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Shape();
}
