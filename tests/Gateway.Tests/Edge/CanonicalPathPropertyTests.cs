using System.Globalization;
using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Http;
using ScimGateway.Gateway.Edge;

namespace ScimGateway.Gateway.Tests.Edge;

/// <summary>
/// Property tests of the canonical-path rule: it never throws, it agrees with a slow independent reading of the rule
/// on hostile input, valid paths pass and survive the proxy's re-encoding, and a forbidden form anywhere after
/// <c>/api</c> is refused.
/// </summary>
public sealed class CanonicalPathPropertyTests
{
    /// <summary>Characters and percent-escapes that sit on the rule's edges.</summary>
    private static readonly Gen<string> HostileToken = Gen.OneOf(
        "/", "/", ".", "..", ";", "\\", "%", "2", "e", "E", "f", "F", "5", "c", "a", "A", "i", "p", "x", " ", "#", "?", "\u0001", "\u007f", "é", "\uD800",
        "%2e", "%2E", "%2f", "%5C", "%25", "%3b", "%00", "%0a", "%7F", "%20", "%41", "%C3", "%A9", "%80", "%BF", "%E0", "%A0", "%ED",
        "%9F", "%F0", "%90", "%F4", "%8F", "%C0", "%AE", "%FF", "%u", "%G1");

    private static readonly Gen<string> Hostile = HostileToken.Array[0, 24].Select(tokens => "/" + string.Concat(tokens));

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.Char["abcXYZ019-_~"].Array[1, 6].Select(chars => new string(chars)),
        Gen.OneOf("%20", "%41", "%7e", "%C3%A9", "%E2%82%AC", "%F0%9F%98%80", "%2B", "%3F", "%23", "%40", "%3A", "!", "$", "&", "'", "(", ")", "*", "+", ",", "=", ":", "@", ".x", "a.b", "..."));

    private static readonly Gen<string> Segment = Piece.Array[1, 4].Select(pieces => string.Concat(pieces));

    private static readonly Gen<string> ValidPath =
        from segments in Segment.Array[1, 6]
        from trailingSlash in Gen.Bool
        select "/api/" + string.Join('/', segments) + (trailingSlash ? "/" : "");

    private static readonly string[] s_forbidden =
    [
        ";", "\\", "%2f", "%2F", "%5c", "%5C", "%2e", "%2E", "%25", "%3b", "%3B", "%00", "%0a", "%0D", "%7f", "%1F", "%C0%AE",
        "%E0%80%AE", "%ED%A0%80", "%F4%90%80%80", "%C3", "%zz", "\u0001", "\t", "\u007f", " ", "#", "é", "//", "/./", "/../",
    ];

    [Fact]
    public void RandomTargets_NeverThrow()
    {
        Gen.String.Sample(target => CanonicalPath.Check(target, target), iter: 20_000);
        Hostile.Sample(path => CanonicalPath.Check(path, path), iter: 20_000);
        Hostile.Select(path => "http://h" + path).Sample(target => CanonicalPath.Check(target, "/"), iter: 5_000);
    }

    [Fact]
    public void Scan_AgreesWithAnIndependentReadingOfTheRule()
    {
        Hostile.Sample(path => Assert.True(
            (CanonicalPath.Scan(path) == PathVerdict.Canonical) == OracleAccepts(path),
            $"{path}: Scan says {CanonicalPath.Scan(path)}, the reference says {(OracleAccepts(path) ? "canonical" : "refused")}"), iter: 50_000);
    }

    [Fact]
    public void ValidPaths_AreCanonical_AndStaySoAfterTheProxyReencodesThem()
    {
        ValidPath.Sample(raw =>
        {
            var decoded = PathString.FromUriComponent(raw);
            Assert.Equal(PathVerdict.Canonical, CanonicalPath.Check(raw + "?q=../;%2f", decoded.Value));

            // YARP sends the decoded path re-encoded: the upstream must get a canonical path with the same meaning.
            var forwarded = decoded.ToUriComponent();
            Assert.Equal(PathVerdict.Canonical, CanonicalPath.Check(forwarded, decoded.Value));
            Assert.Equal(decoded.Value, PathString.FromUriComponent(forwarded).Value, StringComparer.Ordinal);
        }, iter: 10_000);
    }

    [Fact]
    public void ForbiddenForm_AnywhereAfterTheApiPrefix_IsRefused()
    {
        var disguised =
            from path in ValidPath
            from form in Gen.OneOf(s_forbidden)
            from at in Gen.Int[4, 1000]
            select path.Insert(Math.Min(at, path.Length), form);

        disguised.Sample(path => Assert.NotEqual(PathVerdict.Canonical, CanonicalPath.Check(path, path)), iter: 20_000);
    }

    [Fact]
    public void DisguisedApiPrefix_KeepsThePathUnderTheRule()
    {
        var disguised =
            from prefix in Gen.OneOf("//api", "/API", "/Api", "/%61pi", "/%41%50%49", "/./api", "/%2fapi", "/%2Eapi", "/.api", "///API")
            from rest in Gen.OneOf(";x/user-tokens", "//user-tokens", "/x/../audit", "%2fuser-tokens", "\\user-tokens", "/%2e%2e/audit")
            select prefix + rest;

        disguised.Sample(path => Assert.NotEqual(PathVerdict.Canonical, CanonicalPath.Check(path, path)), iter: 2_000);
    }

    [Theory]
    [InlineData("/apis/x//y")]
    [InlineData("/ui/x;y")]
    [InlineData("/hangfire/%2e%2e")]
    [InlineData("/api-docs//x")]
    public void PathsOutsideApi_AreNotUnderTheRule(string path) =>
        Assert.Equal(PathVerdict.Canonical, CanonicalPath.Check(path, path));

    /// <summary>The rule as stated, read the slow way: bytes, a strict UTF-8 decoder, and a split on '/'.</summary>
    private static bool OracleAccepts(string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            return false;
        }

        var bytes = new List<byte>();
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%')
            {
                if (i + 2 >= path.Length || !Uri.IsHexDigit(path[i + 1]) || !Uri.IsHexDigit(path[i + 2]))
                {
                    return false;
                }

                var b = byte.Parse(path.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (b < 0x20 || b == 0x7F || "/\\.%;".Contains((char)b, StringComparison.Ordinal))
                {
                    return false;
                }

                bytes.Add(b);
                i += 2;
                continue;
            }

            if (c <= ' ' || c >= '\x7F' || c is ';' or '\\' or '#')
            {
                return false;
            }

            bytes.Add((byte)c);
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var segments = path.Split('/')[1..];
        for (var s = 0; s < segments.Length; s++)
        {
            if (segments[s] is "." or ".." || (segments[s].Length == 0 && s < segments.Length - 1))
            {
                return false;
            }
        }

        return true;
    }
}
