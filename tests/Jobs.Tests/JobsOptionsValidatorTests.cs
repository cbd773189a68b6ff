namespace ScimGateway.Jobs.Tests;

public sealed class JobsOptionsValidatorTests
{
    private readonly JobsOptionsValidator _validator = new();

    [Fact]
    public void Defaults_WithHostSetFile_AreValid_LiteDbWithWarningsAt30And7()
    {
        var options = new JobsOptions { LiteDbFilePath = Path.Combine(Path.GetTempPath(), "hangfire.db") };

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(JobStorageKind.LiteDb, options.Storage);
        Assert.Equal([30, 7], options.EffectiveWarningDays);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("hangfire.db")]
    public void LiteDb_WithoutAbsoluteFile_Fails(string? file)
    {
        var result = _validator.Validate(null, new JobsOptions { LiteDbFilePath = file });

        Assert.True(result.Failed);
        Assert.Contains("LiteDbFilePath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void InMemory_NeedsNoFile()
    {
        Assert.True(_validator.Validate(null, new JobsOptions { Storage = JobStorageKind.InMemory }).Succeeded);
    }

    [Theory]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 400 })]
    [InlineData(new[] { 7, 7 })]
    public void WarningDays_OutOfRangeOrRepeated_Fail(int[] days)
    {
        var result = _validator.Validate(null, new JobsOptions { ExpiryWarningDays = days });

        Assert.True(result.Failed);
        Assert.Contains("ExpiryWarningDays", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/hook")]
    [InlineData("/relative")]
    public void WebhookUrl_NotAbsoluteHttp_Fails(string url)
    {
        var options = new JobsOptions { Notifications = { WebhookUrl = url } };

        Assert.Contains("WebhookUrl", _validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Notifications_OutOfRange_Fail()
    {
        var options = new JobsOptions { Notifications = { MaxAttempts = 0 } };

        Assert.Contains("MaxAttempts", _validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Schedules_DefaultToTodaysAndAreValid()
    {
        var options = new JobsOptions { Storage = JobStorageKind.InMemory };

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(["*/5 * * * *", "* * * * *", "0 * * * *"], options.Schedules.All.Select(s => s.Cron));
    }

    [Theory]
    [InlineData("*/10 * * * * *")]
    [InlineData("30 2 * * 1-5")]
    [InlineData("@daily")]
    public void Schedule_FiveOrSixFieldsOrAMacro_IsValid(string cron)
    {
        var options = new JobsOptions { Storage = JobStorageKind.InMemory, Schedules = { UsageRollup = cron } };

        Assert.True(_validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("every minute")]
    [InlineData("* * * *")]
    [InlineData("61 * * * *")]
    [InlineData("")]
    public void Schedule_NotCron_FailsNamingTheSetting(string cron)
    {
        var options = new JobsOptions { Storage = JobStorageKind.InMemory, Schedules = { StorageMaintenance = cron } };

        Assert.Contains("Jobs:Schedules:StorageMaintenance", _validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(86_401)]
    public void PostgreSqlTimeouts_OutOfRange_FailNamingTheSetting(int seconds)
    {
        var options = new JobsOptions
        {
            Storage = JobStorageKind.InMemory,
            PostgreSql = { InvisibilityTimeout = TimeSpan.FromSeconds(seconds), DistributedLockTimeout = TimeSpan.FromSeconds(seconds) },
        };

        var message = _validator.Validate(null, options).FailureMessage;
        Assert.Contains("Jobs:PostgreSql:InvisibilityTimeout", message, StringComparison.Ordinal);
        Assert.Contains("Jobs:PostgreSql:DistributedLockTimeout", message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarningDays_AreOrderedLargestFirst()
    {
        Assert.Equal([60, 14, 1], new JobsOptions { ExpiryWarningDays = [14, 1, 60] }.EffectiveWarningDays);
    }
}
