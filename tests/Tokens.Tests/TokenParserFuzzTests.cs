using System.Security.Cryptography;
using CsCheck;
using ScimGateway.Tokens.Format;

namespace ScimGateway.Tokens.Tests;

/// <summary>
/// Property tests of the token parser: random and hostile input, and every small mutation of a real token, give a
/// rejection and never an exception; only the token exactly as issued passes the signature check.
/// </summary>
public sealed class TokenParserFuzzTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly TokenCodec s_codec = new(new SigningKey(RandomNumberGenerator.GetBytes(32)), "scimgateway");
    private static readonly string s_token = s_codec.Encode(new TokenClaims("tid-1", "owner-1", "personal", false, s_now, s_now.AddDays(30)));

    private static readonly Gen<char> TokenChar = Gen.OneOf(
        Gen.Char["ABCxyz019-_."],
        Gen.OneOf('=', '+', '/', ' ', '\t', '\0', '\u00e9', '\uD800', '\uDC00', '\uFFFF', ','));

    [Fact]
    public void RandomInput_IsRejected_WithoutException()
    {
        Gen.String.Sample(Rejected, iter: 20_000);
        TokenChar.Array[0, 200].Select(chars => new string(chars)).Sample(Rejected, iter: 20_000);
        Gen.Int[4000, 9000].Select(length => new string('a', length / 3) + "." + new string('b', length / 3) + "." + new string('c', length / 3))
            .Sample(Rejected, iter: 200);
    }

    [Fact]
    public void MutatedToken_IsRejected_UnlessUnchanged()
    {
        var mutated =
            from edits in Gen.Select(Gen.Int[0, 3], Gen.Int[0, s_token.Length], TokenChar).Array[1, 4]
            select Mutate(s_token, edits);

        mutated.Sample(token =>
        {
            var shaped = TokenCodec.HasTokenShape(token);
            var signed = s_codec.HasValidSignature(token);
            Assert.Equal(string.Equals(token, s_token, StringComparison.Ordinal), signed);
            Assert.True(shaped || !signed);
            _ = TokenHash.Compute(token);
        }, iter: 20_000);
    }

    [Fact]
    public void ReassembledSegments_OfRealTokens_AreRejected()
    {
        var other = s_codec.Encode(new TokenClaims("tid-2", "owner-2", "service", true, s_now, null));
        var parts = s_token.Split('.');
        var otherParts = other.Split('.');
        var pieces = Gen.OneOf(parts[0], parts[1], parts[2], otherParts[0], otherParts[1], otherParts[2], "", "e30", "eyJhbGciOiJub25lIn0");

        pieces.Array[1, 5].Select(p => string.Join('.', p)).Sample(token =>
            Assert.Equal(token == s_token || token == other, s_codec.HasValidSignature(token)), iter: 5_000);
    }

    private static void Rejected(string token)
    {
        Assert.False(s_codec.HasValidSignature(token), token);
        _ = TokenCodec.HasTokenShape(token);
        _ = TokenHash.Compute(token);
    }

    private static string Mutate(string token, (int Kind, int At, char C)[] edits)
    {
        var text = token;
        foreach (var (kind, at, c) in edits)
        {
            var i = Math.Min(at, text.Length);
            text = kind switch
            {
                0 => text.Insert(i, c.ToString()),
                1 when i < text.Length => text.Remove(i, 1),
                2 when i < text.Length => text[..i] + c + text[(i + 1)..],
                _ => text[..i],
            };
        }

        return text;
    }
}
