using System.Net;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Scim.Storage;

namespace ScimGateway.Scim.Resources;

/// <summary>
/// Runs a SCIM write under <see cref="ScimWriteLock"/>, then, with the lock released, delivers the provisioning
/// events the write recorded: other modules' work never runs inside SCIM's lock, and the next request sees it.
/// The lock covers one process only: when nodes share a database, a write whose resource another node changed since
/// it was read fails its store's version check (<see cref="ScimVersionConflictException"/>) and is run again from the
/// read, so it applies to the new version (or answers 412 when its <c>If-Match</c> names the old one).
/// </summary>
public sealed class ScimWriteGate(ScimWriteLock writeLock, ProvisioningDispatcher dispatcher)
{
    /// <summary>How often a write is run when other nodes keep changing its resource first.</summary>
    public const int Attempts = 20;

    /// <summary>Runs <paramref name="write"/> alone, then delivers pending events (also when it threw).</summary>
    public async Task<T> RunAsync<T>(Func<T> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            using (await writeLock.AcquireAsync(cancellationToken))
            {
                return Retrying(write);
            }
        }
        finally
        {
            // Not the request's token: a client that hangs up after its write still gets its change delivered.
            await dispatcher.DeliverPendingAsync(CancellationToken.None);
        }
    }

    /// <summary>Runs <paramref name="write"/> again (after a short random pause) while its version check fails.</summary>
    private static T Retrying<T>(Func<T> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return write();
            }
            catch (ScimVersionConflictException) when (attempt < Attempts)
            {
                // The pause spreads nodes that collided apart; a write's whole transaction was rolled back.
#pragma warning disable CA5394 // Not security: jitter.
                Thread.Sleep(Random.Shared.Next(1, 5 + attempt));
#pragma warning restore CA5394
            }
            catch (ScimVersionConflictException ex)
            {
                throw new ScimException(HttpStatusCode.Conflict, null,
                    $"The resource kept being changed by other writes ({Attempts} attempts); send the request again. {ex.Message}");
            }
        }
    }
}
