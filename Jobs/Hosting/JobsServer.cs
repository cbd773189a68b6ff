using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ScimGateway.Tokens;

namespace ScimGateway.Jobs.Hosting;

/// <summary>
/// The Hangfire server of this process, started only when <c>Jobs:ServerEnabled</c> is true. Built from the host's
/// own storage, activator and filters because whether to start it is
/// configuration, read when the host starts.
/// </summary>
internal sealed class JobsServer(
    IOptions<JobsOptions> options,
    IOptions<TokensOptions> tokensOptions,
    JobStorage storage,
    JobActivator activator,
    IJobFilterProvider filters) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.ServerEnabled)
        {
            return Task.CompletedTask;
        }

        var serverOptions = new BackgroundJobServerOptions
        {
            ServerName = tokensOptions.Value.NodeId,
            WorkerCount = settings.WorkerCount,
            SchedulePollingInterval = TimeSpan.FromSeconds(settings.SchedulePollingSeconds),
            Activator = activator,
            FilterProvider = filters,
        };
        _server = new BackgroundJobServer(serverOptions, storage, []);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }

        _server.SendStop();
        await _server.WaitForShutdownAsync(cancellationToken);
    }

    public void Dispose() => _server?.Dispose();
}
