using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ScimGateway.Scim.Provisioning;

/// <summary>
/// Delivers, every <see cref="ScimOptions.OutboxSweepSeconds"/>, what the outbox still holds. SCIM writes deliver
/// their own events at once; what is left here was left by a delivery that failed (retried now rather than at the
/// next SCIM write) or, in cluster mode, by a node that died between its write and its delivery: the outbox is
/// shared, so a surviving node delivers that node's events once their claim has lapsed (#13). Delivery is
/// idempotent, so an event delivered twice does no harm.
/// </summary>
internal sealed partial class ProvisioningOutboxSweep(
    ProvisioningDispatcher dispatcher, IOptions<ScimOptions> options, TimeProvider time, ILogger<ProvisioningOutboxSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.OutboxSweepSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await dispatcher.DeliverPendingAsync(stoppingToken) is > 0 and var delivered)
                {
                    LogDelivered(logger, delivered);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The storage may be away for a while; the next sweep tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogSweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 3121, Level = LogLevel.Information,
        Message = "The outbox sweep delivered {Count} provisioning events left pending by a failed delivery or a stopped node")]
    private static partial void LogDelivered(ILogger logger, int count);

    [LoggerMessage(EventId = 3122, Level = LogLevel.Warning, Message = "The outbox sweep could not read the outbox; it tries again at the next sweep")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
