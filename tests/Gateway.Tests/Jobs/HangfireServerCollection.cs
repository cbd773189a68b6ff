namespace ScimGateway.Gateway.Tests.Jobs;

/// <summary>Tests whose hosts start a Hangfire server run one at a time: Hangfire keeps some global state.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireServerCollection
{
    public const string Name = "Hangfire servers";
}
