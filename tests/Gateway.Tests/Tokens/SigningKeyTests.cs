using System.IdentityModel.Tokens.Jwt;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ScimGateway.Gateway.Tests.Tokens;

public sealed class SigningKeyTests
{
    [Fact]
    public void FirstStart_GeneratesKeyFileReadableOnlyByOwner()
    {
        using var gateway = new GatewayFactory();
        gateway.AddUser("alice");

        var path = Path.Combine(gateway.DataDirectory, "signing.key");
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void ConfiguredKey_SignsTokens_AndNoKeyFileIsWritten()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var gateway = new GatewayFactory();
        gateway.WithSetting("Tokens:SigningKey", Convert.ToBase64String(key));

        var token = gateway.IssuePersonalToken(gateway.AddUser("alice"));

        new JwtSecurityTokenHandler().ValidateToken(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(key),
            ValidateAudience = false,
            ValidIssuer = "scimgateway",
            ValidateLifetime = false,
        }, out _);
        Assert.False(File.Exists(Path.Combine(gateway.DataDirectory, "signing.key")));
    }

    [Fact]
    public async Task Restart_KeepsTheGeneratedKey_SoIssuedTokensStillWork()
    {
        using var directory = new TempDirectory();
        string token;
        await using (var first = new GatewayFactory(directory.Path))
        {
            token = first.IssuePersonalToken(first.AddUser("alice"));
        }

        await using var second = new GatewayFactory(directory.Path);
        Assert.Equal(HttpStatusCode.OK, (await second.ClientWithToken(token).GetAsync("/api/user-tokens")).StatusCode);
        Assert.DoesNotContain(Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(directory.Path, "signing.key"))), token, StringComparison.Ordinal);
    }
}
