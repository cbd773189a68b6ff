using System.Globalization;
using LiteDB;
using ScimGateway.Jobs.Storage.Database;

namespace ScimGateway.Jobs.Storage.Monitoring;

internal sealed partial class LiteDbMonitoringApi
{
    public override IDictionary<DateTime, long> SucceededByDatesCount() => Daily("succeeded");

    public override IDictionary<DateTime, long> FailedByDatesCount() => Daily("failed");

    public override IDictionary<DateTime, long> DeletedByDatesCount() => Daily("deleted");

    public override IDictionary<DateTime, long> HourlySucceededJobs() => Hourly("succeeded");

    public override IDictionary<DateTime, long> HourlyFailedJobs() => Hourly("failed");

    public override IDictionary<DateTime, long> HourlyDeletedJobs() => Hourly("deleted");

    /// <summary>The last 7 days from the <c>stats:{type}:yyyy-MM-dd</c> counters Hangfire's state handlers keep.</summary>
    private Dictionary<DateTime, long> Daily(string type)
    {
        var today = store.UtcNow.Date;
        var days = Enumerable.Range(0, 7).Select(i => today.AddDays(-i)).ToList();
        return Counters(days, d => $"stats:{type}:{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
    }

    /// <summary>The last 24 hours from the <c>stats:{type}:yyyy-MM-dd-HH</c> counters.</summary>
    private Dictionary<DateTime, long> Hourly(string type)
    {
        var now = store.UtcNow;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var hours = Enumerable.Range(0, 24).Select(i => hour.AddHours(-i)).ToList();
        return Counters(hours, h => $"stats:{type}:{h.ToString("yyyy-MM-dd-HH", CultureInfo.InvariantCulture)}");
    }

    private Dictionary<DateTime, long> Counters(List<DateTime> points, Func<DateTime, string> key) => store.Read(db =>
    {
        var counters = db.Col(Collections.Counters);
        return points.ToDictionary(p => p, p => counters.FindById(key(p)) is { } doc ? doc["V"].AsInt64 : 0L);
    });
}
