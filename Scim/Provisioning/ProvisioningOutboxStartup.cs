using Microsoft.Extensions.Hosting;

namespace ScimGateway.Scim.Provisioning;

/// <summary>
/// At start, before the server takes requests, delivers the events a crash left in the outbox between a SCIM write
/// and its delivery (a person deleted whose tokens were not yet deleted).
/// </summary>
internal sealed class ProvisioningOutboxStartup(ProvisioningDispatcher dispatcher) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => dispatcher.DeliverPendingAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
