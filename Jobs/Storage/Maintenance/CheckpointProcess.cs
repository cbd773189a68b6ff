using Hangfire.Server;
using ScimGateway.Jobs.Storage.Database;

namespace ScimGateway.Jobs.Storage.Maintenance;

/// <summary>
/// Merges LiteDB's <c>-log.db</c> into the data file on an interval: with readers always active the automatic checkpoint
/// rarely finds a quiet moment and the log file keeps growing.
/// </summary>
internal sealed class CheckpointProcess(LiteDbStore store) : IBackgroundProcess
{
    public void Execute(BackgroundProcessContext context)
    {
        context.Wait(store.Options.CheckpointInterval);
        if (!context.IsStopping)
        {
            store.Checkpoint();
        }
    }

    public override string ToString() => "LiteDB checkpoint";
}
