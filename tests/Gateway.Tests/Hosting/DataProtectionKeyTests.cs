using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.Hosting;

/// <summary>
/// The data-protection keys (they sign sessions and antiforgery tokens) encrypted at rest with a configured
/// certificate; without one they are plain XML protected by file permissions, and the start says so.
/// </summary>
public sealed class DataProtectionKeyTests : IDisposable
{
    private const string Password = "pfx-password";
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _certificates = new();

    public void Dispose()
    {
        _data.Dispose();
        _certificates.Dispose();
    }

    [Fact]
    public async Task WithCertificate_KeyFilesHoldNoPlainKeyMaterial_AndASessionSurvivesARestart()
    {
        var pfx = WriteCertificate(withPrivateKey: true);
        string session;
        string bearer;
        using (var first = WithCertificate(new GatewayFactory(_data.Path), pfx))
        {
            bearer = first.IssuePersonalToken(first.AddUser("alice", Role.Member), "laptop");
            session = RawSignIn.NameValue(await RawSignIn.SignInAsync(first.RawClient(), bearer));
            Assert.Equal(HttpStatusCode.OK, (await SessionGetAsync(first, session)).StatusCode);
        }

        var keyFiles = Directory.GetFiles(Path.Combine(_data.Path, "keys"), "*.xml");
        Assert.NotEmpty(keyFiles);
        foreach (var file in keyFiles)
        {
            var xml = await File.ReadAllTextAsync(file);
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }

        using var restarted = WithCertificate(new GatewayFactory(_data.Path), pfx);
        Assert.Equal(HttpStatusCode.OK, (await SessionGetAsync(restarted, session)).StatusCode);
        Assert.Contains(restarted.Logs.Lines, l => l.Contains("encrypted at rest with the certificate", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutCertificate_KeysArePlainXml_AndTheStartWarns()
    {
        using var gateway = new GatewayFactory(_data.Path);
        var bearer = gateway.IssuePersonalToken(gateway.AddUser("alice", Role.Member), "laptop");
        await RawSignIn.SignInAsync(gateway.RawClient(), bearer);

        var xml = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(_data.Path, "keys"), "*.xml").Single());
        Assert.Contains("<masterKey", xml, StringComparison.Ordinal);
        Assert.Contains(gateway.Logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal)
            && l.Contains("stored unencrypted", StringComparison.Ordinal));
    }

    [Fact]
    public void CertificateFileMissing_StopsTheStart()
    {
        using var gateway = WithCertificate(new GatewayFactory(_data.Path), Path.Combine(_certificates.Path, "missing.pfx"));

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CertificateWithoutPrivateKey_StopsTheStart()
    {
        using var gateway = WithCertificate(new GatewayFactory(_data.Path), WriteCertificate(withPrivateKey: false));

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("private key", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WrongCertificatePassword_StopsTheStart()
    {
        using var gateway = new GatewayFactory(_data.Path)
            .WithSetting("DataProtection:Certificate:Path", WriteCertificate(withPrivateKey: true))
            .WithSetting("DataProtection:Certificate:Password", "wrong");

        var error = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());

        Assert.Contains("could not be read", error.ToString(), StringComparison.Ordinal);
    }

    private static GatewayFactory WithCertificate(GatewayFactory gateway, string path) =>
        gateway.WithSetting("DataProtection:Certificate:Path", path).WithSetting("DataProtection:Certificate:Password", Password);

    private static async Task<HttpResponseMessage> SessionGetAsync(GatewayFactory gateway, string sessionCookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user-tokens");
        request.Headers.Add("Cookie", sessionCookie);
        return await gateway.RawClient().SendAsync(request);
    }

    private string WriteCertificate(bool withPrivateKey)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=scimgateway-keys-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_certificates.Path, withPrivateKey ? "keys.pfx" : "public-only.pfx");
        if (withPrivateKey)
        {
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        }
        else
        {
            using var publicOnly = X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert));
            File.WriteAllBytes(path, publicOnly.Export(X509ContentType.Pfx, Password));
        }

        return path;
    }
}
