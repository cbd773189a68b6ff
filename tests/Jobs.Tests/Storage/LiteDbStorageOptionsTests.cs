using System.ComponentModel.DataAnnotations;
using ScimGateway.Jobs.Storage;

namespace ScimGateway.Jobs.Tests.Storage;

public sealed class LiteDbStorageOptionsTests
{
    [Fact]
    public void Defaults_AreValid() => new LiteDbStorageOptions().Validate();

    [Fact]
    public void Validate_ShortInvisibilityTimeoutOrNonPositiveInterval_FailsWithEveryProblem()
    {
        var options = new LiteDbStorageOptions { InvisibilityTimeout = TimeSpan.FromSeconds(30), QueuePollInterval = TimeSpan.Zero };

        var error = Assert.Throws<ValidationException>(options.Validate);

        Assert.Contains(nameof(LiteDbStorageOptions.InvisibilityTimeout), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(LiteDbStorageOptions.QueuePollInterval), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_ReportsProblemsThroughDataAnnotations()
    {
        var options = new LiteDbStorageOptions { CheckpointInterval = TimeSpan.FromSeconds(-1) };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.MemberNames.Contains(nameof(LiteDbStorageOptions.CheckpointInterval)));
    }
}
