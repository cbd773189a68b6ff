namespace ScimGateway.Gateway.Tests.Jobs;

/// <summary>The recurring jobs' schedules are settings, checked when the gateway starts.</summary>
public sealed class JobScheduleSettingsTests
{
    [Fact]
    public async Task A_schedule_that_is_not_cron_stops_the_start_with_a_message_naming_the_setting()
    {
        using var directory = new TempDirectory();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => GatewayProcess.StartAsync(directory.Path,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["Jobs__Schedules__UsageRollup"] = "every minute" }));

        Assert.Contains("Jobs:Schedules:UsageRollup 'every minute' has 2 fields", failure.Message, StringComparison.Ordinal);
    }
}
