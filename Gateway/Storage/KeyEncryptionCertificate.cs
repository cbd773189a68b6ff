using System.Security.Cryptography.X509Certificates;

namespace ScimGateway.Gateway.Storage;

/// <summary>The loaded certificate that encrypts the data-protection keys, registered only when one is configured.</summary>
internal sealed record KeyEncryptionCertificate(X509Certificate2 Certificate);
