using System.Security.Cryptography;
using System.Text;
using ScimGateway.Tokens.Format;

namespace ScimGateway.Tokens.Tests;

public sealed class TokenHashTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig")]
    public void ToHex_IsTheSha256OfTheUtf8Token(string token) =>
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), TokenHash.Compute(token).ToHex());

    [Fact]
    public void Compute_LongInput_UsesPooledBufferWithSameResult()
    {
        var token = new string('x', 3000);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), TokenHash.Compute(token).ToHex());
    }

    [Fact]
    public void EqualTokens_HaveEqualHashes() =>
        Assert.Equal(TokenHash.Compute("same.token.value"), TokenHash.Compute("same.token.value"));
}
