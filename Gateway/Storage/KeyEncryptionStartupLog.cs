using ScimGateway.Gateway.Hosting;

namespace ScimGateway.Gateway.Storage;

/// <summary>Says at start whether the data-protection keys are encrypted at rest, and warns when they are not.</summary>
internal sealed class KeyEncryptionStartupLog(DataDirectory directory, ILogger<KeyEncryptionStartupLog> logger, IServiceProvider services) : IHostedService
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
            HostingLog.KeysUnencrypted(logger, directory.File(KeyDirectory));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
