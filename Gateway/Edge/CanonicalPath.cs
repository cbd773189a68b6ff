namespace ScimGateway.Gateway.Edge;

/// <summary>
/// The canonical-path rule. The gateway decides "served here or forwarded" by path, but an upstream may read a path
/// differently (merge <c>//</c>, resolve <c>..</c>, cut <c>;params</c>, read <c>\</c> as <c>/</c>, decode twice), so a path
/// the gateway does not recognise as its own could reach the upstream's own endpoints of the same name. Under
/// <c>/api</c> only paths that every reader reads the same way are accepted. It checks the raw request target, since
/// Kestrel has already decoded and normalised <c>Request.Path</c>. One pass over the characters, no allocation.
/// </summary>
internal static class CanonicalPath
{
    private const string ApiSegment = "api";

    /// <summary>
    /// The verdict for a request: <see cref="PathVerdict.Canonical"/> when the rule does not apply (the path is not under
    /// <c>/api</c> in any reading) or the raw path passes it.
    /// </summary>
    /// <param name="rawTarget">The request target as sent (<c>IHttpRequestFeature.RawTarget</c>); origin or absolute form.</param>
    /// <param name="decodedPath">The server's decoded and normalised path (<c>Request.Path</c>).</param>
    public static PathVerdict Check(ReadOnlySpan<char> rawTarget, ReadOnlySpan<char> decodedPath)
    {
        // A host without a raw target (some test servers) has nothing better than the decoded path to check.
        var path = rawTarget.IsEmpty ? decodedPath : RawPath(rawTarget);
        return AppliesTo(path, decodedPath) ? Scan(path) : PathVerdict.Canonical;
    }

    /// <summary>
    /// True when the path is under <c>/api</c> in the server's reading or could be in an upstream's: the decoded path
    /// starts with the <c>/api</c> segment (any case), or the raw path does after leading <c>/ \ .</c> (raw or encoded)
    /// with any letters of <c>api</c> percent-encoded and followed by anything but a name character
    /// (<c>//api/</c>, <c>/./API/</c>, <c>/%61pi;x/</c>, <c>/api%2f</c>).
    /// </summary>
    public static bool AppliesTo(ReadOnlySpan<char> rawPath, ReadOnlySpan<char> decodedPath)
    {
        if (decodedPath.Length >= 4 && decodedPath[0] == '/' && decodedPath.Slice(1, 3).Equals(ApiSegment, StringComparison.OrdinalIgnoreCase)
            && (decodedPath.Length == 4 || decodedPath[4] == '/'))
        {
            return true;
        }

        var i = 0;
        while (i < rawPath.Length)
        {
            var (c, width) = Read(rawPath, i);
            if (c is not ('/' or '\\' or '.'))
            {
                break;
            }

            i += width;
        }

        foreach (var expected in ApiSegment)
        {
            if (i >= rawPath.Length)
            {
                return false;
            }

            var (c, width) = Read(rawPath, i);
            if (char.ToLowerInvariant(c) != expected)
            {
                return false;
            }

            i += width;
        }

        return i == rawPath.Length || !(char.IsAsciiLetterOrDigit(rawPath[i]) || rawPath[i] is '-' or '_' or '~');
    }

    /// <summary>Checks every character of a raw path (without its query) against the rule.</summary>
    public static PathVerdict Scan(ReadOnlySpan<char> path)
    {
        if (path.IsEmpty || path[0] != '/')
        {
            return path.IsEmpty || path[0] != '\\' ? PathVerdict.InvalidCharacter : PathVerdict.Backslash;
        }

        var segmentStart = 1;
        var pending = 0;
        int low = 0x80, high = 0xBF;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%')
            {
                if (i + 2 >= path.Length || !char.IsAsciiHexDigit(path[i + 1]) || !char.IsAsciiHexDigit(path[i + 2]))
                {
                    return PathVerdict.BadPercentEncoding;
                }

                var b = (HexValue(path[i + 1]) << 4) | HexValue(path[i + 2]);
                i += 2;
                if (pending > 0)
                {
                    if (b < low || b > high)
                    {
                        return PathVerdict.InvalidUtf8;
                    }

                    pending--;
                    (low, high) = (0x80, 0xBF);
                    continue;
                }

                var verdict = CheckEncodedByte(b, ref pending, ref low, ref high);
                if (verdict != PathVerdict.Canonical)
                {
                    return verdict;
                }

                continue;
            }

            if (pending > 0)
            {
                // A multi-byte sequence cut short by a plain character.
                return PathVerdict.InvalidUtf8;
            }

            switch (c)
            {
                case '/':
                    if (i > 0)
                    {
                        var segment = CheckSegment(path[segmentStart..i]);
                        if (segment != PathVerdict.Canonical)
                        {
                            return segment;
                        }
                    }

                    segmentStart = i + 1;
                    break;
                case '\\':
                    return PathVerdict.Backslash;
                case ';':
                    return PathVerdict.Semicolon;
                case < ' ' or '\x7F':
                    return PathVerdict.ControlCharacter;
                case ' ' or '#' or > '\x7F':
                    return PathVerdict.InvalidCharacter;
            }
        }

        if (pending > 0)
        {
            return PathVerdict.InvalidUtf8;
        }

        // One trailing slash (an empty last segment) is allowed: /api/x/ is how many clients write a collection, and
        // routing and upstreams read it as /api/x or redirect to it. Only a dot segment is refused at the end.
        var last = path[segmentStart..];
        return last.IsEmpty ? PathVerdict.Canonical : CheckSegment(last);
    }

    /// <summary>The path of a raw target: origin form up to <c>?</c>; absolute form after its authority; otherwise empty.</summary>
    public static ReadOnlySpan<char> RawPath(ReadOnlySpan<char> rawTarget)
    {
        var start = 0;
        if (rawTarget.IsEmpty || rawTarget[0] != '/')
        {
            var scheme = rawTarget.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0 || rawTarget[..scheme].ContainsAny("/?#\\"))
            {
                // Authority form (CONNECT) or asterisk form (OPTIONS *): there is no path.
                return [];
            }

            // The authority ends at the first '/', '?', '#' or '\' (System.Uri, which Kestrel uses for this form,
            // reads '\' as '/'): a backslash stays in the path, where the rule refuses it.
            start = scheme + 3;
            var end = rawTarget[start..].IndexOfAny("/?#\\");
            if (end < 0)
            {
                return [];
            }

            start += end;
        }

        var query = rawTarget[start..].IndexOf('?');
        return query < 0 ? rawTarget[start..] : rawTarget.Slice(start, query);
    }

    private static PathVerdict CheckSegment(ReadOnlySpan<char> segment) => segment switch
    {
        [] => PathVerdict.EmptySegment,
        ['.'] or ['.', '.'] => PathVerdict.DotSegment,
        _ => PathVerdict.Canonical,
    };

    /// <summary>
    /// An encoded byte outside a multi-byte sequence. Lead bytes start a sequence whose continuation ranges follow
    /// RFC 3629 section 4, which excludes overlong forms and surrogates.
    /// </summary>
    private static PathVerdict CheckEncodedByte(int b, ref int pending, ref int low, ref int high)
    {
        switch (b)
        {
            case < 0x20 or 0x7F:
                return PathVerdict.ControlCharacter;
            case '/' or '\\' or '.' or '%' or ';':
                return PathVerdict.EncodedDelimiter;
            case < 0x80:
                return PathVerdict.Canonical;
            case >= 0xC2 and <= 0xDF:
                pending = 1;
                return PathVerdict.Canonical;
            case 0xE0:
                (pending, low) = (2, 0xA0);
                return PathVerdict.Canonical;
            case 0xED:
                (pending, high) = (2, 0x9F);
                return PathVerdict.Canonical;
            case >= 0xE1 and <= 0xEF:
                pending = 2;
                return PathVerdict.Canonical;
            case 0xF0:
                (pending, low) = (3, 0x90);
                return PathVerdict.Canonical;
            case 0xF4:
                (pending, high) = (3, 0x8F);
                return PathVerdict.Canonical;
            case >= 0xF1 and <= 0xF3:
                pending = 3;
                return PathVerdict.Canonical;
            default:
                return PathVerdict.InvalidUtf8;
        }
    }

    /// <summary>One character of a raw path, percent-decoded when it is a valid <c>%XX</c>, and how many characters it took.</summary>
    private static (char Char, int Width) Read(ReadOnlySpan<char> path, int i) =>
        path[i] == '%' && i + 2 < path.Length && char.IsAsciiHexDigit(path[i + 1]) && char.IsAsciiHexDigit(path[i + 2])
            ? ((char)((HexValue(path[i + 1]) << 4) | HexValue(path[i + 2])), 3)
            : (path[i], 1);

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
