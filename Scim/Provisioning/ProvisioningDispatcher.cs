using Microsoft.Extensions.Logging;

namespace ScimGateway.Scim.Provisioning;

/// <summary>
/// Delivers the outbox's pending events to every <see cref="IProvisioningEvents"/>, oldest first, and completes each
/// once delivered. SCIM writes call it after releasing their write lock, so the very next request sees the change;
/// <see cref="ProvisioningOutboxStartup"/> calls it at start for whatever a crash left pending. A delivery that
/// throws stays pending and is tried again by the next call.
/// </summary>
public sealed partial class ProvisioningDispatcher(
    IProvisioningOutbox outbox, IEnumerable<IProvisioningEvents> subscribers, ILogger<ProvisioningDispatcher> logger) : IDisposable
{
    private const int Batch = 100;
    private readonly SemaphoreSlim _delivering = new(1, 1);
    private readonly IProvisioningEvents[] _subscribers = subscribers.ToArray();

    /// <summary>Delivers every pending event; returns how many were delivered. Never throws for a failed delivery.</summary>
    public async Task<int> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        // One delivery run at a time keeps the order; events recorded meanwhile are picked up by the loop.
        await _delivering.WaitAsync(cancellationToken);
        try
        {
            var delivered = 0;
            while (outbox.Pending(Batch) is { Count: > 0 } pending)
            {
                foreach (var item in pending)
                {
                    if (!await TryDeliverAsync(item, cancellationToken))
                    {
                        return delivered;
                    }

                    outbox.Complete(item.Sequence);
                    delivered++;
                }
            }

            return delivered;
        }
        finally
        {
            _delivering.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _delivering.Dispose();

    private async Task<bool> TryDeliverAsync(PendingProvisioningEvent item, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var subscriber in _subscribers)
            {
                await DeliverAsync(subscriber, item.Event, cancellationToken);
            }

            return true;
        }
#pragma warning disable CA1031 // Any failure leaves the event pending for the next run; the SCIM write stands.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogDeliveryFailed(logger, ex, item.Sequence, item.Event.Kind, item.Event.UserId);
            return false;
        }
    }

    private static Task DeliverAsync(IProvisioningEvents subscriber, ProvisioningEvent change, CancellationToken cancellationToken) =>
        change.Kind switch
        {
            ProvisioningEventKind.Deactivated => subscriber.PersonDeactivatedAsync(change.UserId, cancellationToken),
            ProvisioningEventKind.Reactivated => subscriber.PersonReactivatedAsync(change.UserId, cancellationToken),
            ProvisioningEventKind.Deleted => subscriber.PersonDeletedAsync(change.UserId, cancellationToken),
            _ => subscriber.PersonChangedAsync(change.UserId, cancellationToken),
        };

    [LoggerMessage(EventId = 3120, Level = LogLevel.Warning,
        Message = "Provisioning event {Sequence} ({Kind} of user {UserId}) could not be delivered; it stays pending and is retried")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception exception, long sequence, ProvisioningEventKind kind, string userId);
}
