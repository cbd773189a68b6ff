using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using ScimGateway.Tokens.Format;

namespace ScimGateway.Tokens.Tests;

public sealed class TokenCodecTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private readonly TokenCodec _codec = new(new SigningKey(RandomNumberGenerator.GetBytes(32)), "scimgateway");

    [Fact]
    public void Encode_WritesStandardJwtClaims()
    {
        var token = _codec.Encode(new TokenClaims("tid", "owner", "personal", false, s_now, s_now.AddDays(30)));

        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(token);
        Assert.Equal("scimgateway", jwt.Issuer);
        Assert.Equal("owner", jwt.Subject);
        Assert.Equal("tid", jwt.Id);
        Assert.Equal(s_now.UtcDateTime, jwt.Payload.IssuedAt);
        Assert.Equal(s_now.AddDays(30).ToUnixTimeSeconds(), jwt.Payload.Expiration);
        Assert.Equal("personal", jwt.Payload["kind"]);
    }

    [Fact]
    public void HasValidSignature_AcceptsOwnTokens_RejectsOtherKeysAndTampering()
    {
        var token = _codec.Encode(new TokenClaims("tid", "owner", "service", true, s_now, null));
        var other = new TokenCodec(new SigningKey(RandomNumberGenerator.GetBytes(32)), "scimgateway");
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        Assert.True(_codec.HasValidSignature(token));
        Assert.False(other.HasValidSignature(token));
        Assert.False(_codec.HasValidSignature(tampered));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("aaaaaaaaaaaaaaaa..b")]
    [InlineData("aaaaaaaaaaaaaaaaaaa.b.c.d")]
    [InlineData("aaaaaaaaaaaaaaa.bbbbbbbb.c c")]
    [InlineData("aaaaaaaaaaaaaaa.bbbbbbbb.c=")]
    [InlineData("aaaaaaaaaaaaaaa.bbbbbbbb.")]
    public void HasTokenShape_RejectsGarbage(string token) => Assert.False(TokenCodec.HasTokenShape(token));

    [Fact]
    public void HasTokenShape_RejectsOverlongTokens() =>
        Assert.False(TokenCodec.HasTokenShape(new string('a', 3000) + "." + new string('b', 2000) + ".c"));
}
