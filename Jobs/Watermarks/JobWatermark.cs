namespace ScimGateway.Jobs.Watermarks;

/// <summary>How far a recurring job has got: kept with the application's data, not in Hangfire's storage.</summary>
public sealed class JobWatermark
{
    /// <summary>The job id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The instant up to which the job's work is done (UTC).</summary>
    public DateTime Position { get; set; }

    /// <summary>When the job last completed a run (UTC).</summary>
    public DateTime CompletedAt { get; set; }

    /// <summary>What the last run did, in a few words.</summary>
    public string? Summary { get; set; }
}
