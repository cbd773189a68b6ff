namespace ScimGateway.Gateway.Tests.Operations;

/// <summary>
/// Tests that compare exact metric counts run alone: OpenTelemetry subscribes to meters by name, process-wide, so a
/// test host's <c>/metrics</c> would also count what other test hosts in this process record at the same time.
/// (A real node is one host per process.)
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Exact metric counts";
}
