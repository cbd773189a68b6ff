using Cronos;

namespace ScimGateway.Jobs;

/// <summary>
/// Checks a cron expression the way Hangfire will read it when the recurring job is registered: five fields, six when
/// the first is seconds, or a macro such as <c>@daily</c> (Hangfire's RecurringJobEntity.ParseCronExpression over
/// Cronos). Checking it at start turns a typo into a start error instead of a registrar exception.
/// </summary>
internal static class CronSchedule
{
    private static readonly char[] Separators = [' ', '\t'];

    /// <summary>Null when Hangfire accepts <paramref name="expression"/>, else why not.</summary>
    public static string? Problem(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return "is empty";
        }

        var format = CronFormat.Standard;
        if (!expression.StartsWith('@'))
        {
            var fields = expression.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Length;
            if (fields == 6)
            {
                format = CronFormat.IncludeSeconds;
            }
            else if (fields != 5)
            {
                return $"'{expression}' has {fields} fields; a schedule has 5 (minute hour day month weekday) or 6 (seconds first)";
            }
        }

        try
        {
            CronExpression.Parse(expression, format);
            return null;
        }
        catch (CronFormatException ex)
        {
            return $"'{expression}' is not a cron expression: {ex.Message}";
        }
    }
}
