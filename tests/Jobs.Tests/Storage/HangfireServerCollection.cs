namespace ScimGateway.Jobs.Tests.Storage;

/// <summary>Tests that start a <c>BackgroundJobServer</c>: Hangfire keeps global static state, so they never run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HangfireServerCollection
{
    public const string Name = "Hangfire server";
}
