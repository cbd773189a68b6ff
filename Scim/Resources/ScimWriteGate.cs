using ScimGateway.Scim.Provisioning;

namespace ScimGateway.Scim.Resources;

/// <summary>
/// Runs a SCIM write under <see cref="ScimWriteLock"/>, then, with the lock released, delivers the provisioning
/// events the write recorded: other modules' work never runs inside SCIM's lock, and the next request sees it.
/// </summary>
public sealed class ScimWriteGate(ScimWriteLock writeLock, ProvisioningDispatcher dispatcher)
{
    /// <summary>Runs <paramref name="write"/> alone, then delivers pending events (also when it threw).</summary>
    public async Task<T> RunAsync<T>(Func<T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            using (await writeLock.AcquireAsync(cancellationToken))
            {
                return write();
            }
        }
        finally
        {
            // Not the request's token: a client that hangs up after its write still gets its change delivered.
            await dispatcher.DeliverPendingAsync(CancellationToken.None);
        }
    }
}
