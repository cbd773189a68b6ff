using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ScimGateway.Jobs;

/// <summary>Checks what data annotations cannot: the warning days, the webhook URL, the schedules and the PostgreSQL timeouts.</summary>
internal sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Storage))
        {
            failures.Add($"Jobs:Storage must be one of: {string.Join(", ", Enum.GetNames<JobStorageKind>())}.");
        }

        if (options.Storage == JobStorageKind.LiteDb && !Path.IsPathFullyQualified(options.LiteDbFilePath ?? string.Empty))
        {
            failures.Add("Jobs:Storage is LiteDb but the host set no absolute job storage file (JobsOptions.LiteDbFilePath).");
        }

        if (options.Storage == JobStorageKind.PostgreSql && string.IsNullOrWhiteSpace(options.PostgreSqlConnectionString))
        {
            failures.Add("Jobs:Storage is PostgreSql but the host set no connection string (JobsOptions.PostgreSqlConnectionString).");
        }

        if (options.ExpiryWarningDays is { } days)
        {
            if (days.Any(d => d is < 1 or > 365))
            {
                failures.Add("Jobs:ExpiryWarningDays must hold whole numbers of days from 1 to 365.");
            }

            if (days.Distinct().Count() != days.Length)
            {
                failures.Add("Jobs:ExpiryWarningDays must not repeat a day.");
            }
        }

        var nested = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options.Notifications, new ValidationContext(options.Notifications), nested, validateAllProperties: true))
        {
            failures.AddRange(nested.Select(r => "Jobs:Notifications: " + r.ErrorMessage));
        }

        var url = options.Notifications.WebhookUrl;
        if (!string.IsNullOrWhiteSpace(url)
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add("Jobs:Notifications:WebhookUrl must be an absolute http or https URL.");
        }

        foreach (var (_, setting, cron) in options.Schedules.All)
        {
            if (CronSchedule.Problem(cron) is { } problem)
            {
                failures.Add($"Jobs:Schedules:{setting} {problem}.");
            }
        }

        foreach (var (setting, value) in new[]
        {
            (nameof(JobsPostgreSqlOptions.InvisibilityTimeout), options.PostgreSql.InvisibilityTimeout),
            (nameof(JobsPostgreSqlOptions.DistributedLockTimeout), options.PostgreSql.DistributedLockTimeout),
        })
        {
            if (value < JobsPostgreSqlOptions.MinimumTimeout || value > JobsPostgreSqlOptions.MaximumTimeout)
            {
                failures.Add($"Jobs:PostgreSql:{setting} must be from {JobsPostgreSqlOptions.MinimumTimeout} to {JobsPostgreSqlOptions.MaximumTimeout} (it is {value}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
