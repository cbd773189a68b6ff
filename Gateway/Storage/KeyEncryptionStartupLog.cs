using ScimGateway.Gateway.Hosting;
using ScimGateway.Gateway.Storage.PostgreSql;

namespace ScimGateway.Gateway.Storage;

/// <summary>Says at start whether the data-protection keys are encrypted at rest, and warns when they are not.</summary>
internal sealed class KeyEncryptionStartupLog(ILogger<KeyEncryptionStartupLog> logger, IServiceProvider services) : IHostedService
{
    // Where SessionAuthenticationExtensions keeps the key ring.
    private const string KeyDirectory = "keys";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<KeyEncryptionCertificate>() is { } key)
        {
            HostingLog.KeysEncrypted(logger, key.Certificate.Thumbprint);
        }
        else
        {
            // Resolved here, not injected: in cluster mode there is no data directory to open (or lock).
            if (services.StorageProvider() == StorageProvider.PostgreSql)
            {
                HostingLog.KeysUnencrypted(logger, "PostgreSQL table data_protection_keys", "the database's roles and grants");
            }
            else
            {
                HostingLog.KeysUnencrypted(logger, services.GetRequiredService<DataDirectory>().File(KeyDirectory), "file permissions");
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
