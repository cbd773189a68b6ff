using System.Globalization;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>One background job of a recurring job.</summary>
/// <param name="JobId">Hangfire's job id.</param>
/// <param name="State">Its state now (Enqueued, Processing, Succeeded, ...).</param>
/// <param name="Time">The instant the scheduler created it for (Hangfire's <c>Time</c> parameter, whole seconds, UTC).</param>
/// <param name="StartedBy">The server id of each worker that started it, in order: one per execution.</param>
public sealed record JobRun(string JobId, string State, DateTime Time, IReadOnlyList<string> StartedBy)
{
    /// <summary>Whether Hangfire is done with it.</summary>
    public bool IsFinal => State is "Succeeded" or "Failed" or "Deleted";

    /// <summary>The process id in a Hangfire server id ("{node id}:{process id}:{guid}").</summary>
    public static int ProcessOf(string serverId) => int.Parse(serverId.Split(':')[^2], CultureInfo.InvariantCulture);
}
