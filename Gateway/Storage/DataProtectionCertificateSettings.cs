namespace ScimGateway.Gateway.Storage;

/// <summary>
/// The certificate that encrypts the data-protection keys at rest, section <c>DataProtection:Certificate</c>. The keys
/// sign browser sessions and antiforgery tokens; without a certificate they sit unencrypted in
/// <c>&lt;data directory&gt;/keys</c>, protected by file permissions only.
/// </summary>
public sealed class DataProtectionCertificateSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DataProtection:Certificate";

    /// <summary>A PKCS#12 (.pfx/.p12) file with the certificate and its private key; unset for no encryption.</summary>
    public string? Path { get; set; }

    /// <summary>The file's password, if any. A secret: give it through the environment, never log it.</summary>
    public string? Password { get; set; }
}
