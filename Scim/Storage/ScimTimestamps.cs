using System.Globalization;

namespace ScimGateway.Scim.Storage;

/// <summary>Formats stored times as RFC 3339 UTC timestamps with milliseconds (LiteDB keeps milliseconds).</summary>
internal static class ScimTimestamps
{
    public static string Format(DateTime value) =>
        DateTime.SpecifyKind(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The current time, truncated to what LiteDB stores, so responses equal later reads.</summary>
    public static DateTime Now(TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }
}
