using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace ScimGateway.Gateway.Storage;

/// <summary>
/// Encrypts the data-protection key ring at rest with a configured certificate. The certificate is loaded and checked
/// while services are registered, so a wrong path, password or a certificate without its private key stops the start
/// with a message instead of failing the first sign-in.
/// </summary>
internal static class DataProtectionSetup
{
    public static IServiceCollection AddKeyEncryptionAtRest(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(DataProtectionCertificateSettings.Section).Get<DataProtectionCertificateSettings>();
        if (string.IsNullOrWhiteSpace(settings?.Path))
        {
            services.AddHostedService<KeyEncryptionStartupLog>();
            return services;
        }

        var certificate = Load(settings.Path, settings.Password);
        services.AddSingleton(new KeyEncryptionCertificate(certificate));
        services.AddHostedService<KeyEncryptionStartupLog>();

        // Encrypts new keys with the certificate and decrypts existing ones with it (EncryptedXml, RSA-OAEP key wrap).
        services.AddDataProtection().ProtectKeysWithCertificate(certificate);
        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new InvalidOperationException($"{DataProtectionCertificateSettings.Section}:Path: the file '{fullPath}' does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(fullPath, password);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"{DataProtectionCertificateSettings.Section}: '{fullPath}' could not be read as a PKCS#12 file with the given password ({ex.Message}).", ex);
        }

        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"{DataProtectionCertificateSettings.Section}: '{fullPath}' must hold an RSA certificate with its private key, which decrypts the keys.");
        }

        return certificate;
    }
}
