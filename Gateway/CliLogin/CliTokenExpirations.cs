using System.Globalization;

namespace ScimGateway.Gateway.CliLogin;

/// <summary>The expirations the consent page offers, as the token page's own choices; 90 days unless changed.</summary>
internal static class CliTokenExpirations
{
    public const string Default = "90";

    public static IReadOnlyList<(string Value, string Label)> Choices { get; } =
    [
        ("30", "30 days"),
        ("60", "60 days"),
        ("90", "90 days"),
        ("365", "1 year"),
        ("never", "Never"),
    ];

    /// <summary>The number of days (null for never), or false when the value is not one of the choices.</summary>
    public static bool TryParse(string? value, out int? days)
    {
        days = null;
        if (value == "never")
        {
            return true;
        }

        if (Choices.Any(c => c.Value == value))
        {
            days = int.Parse(value!, CultureInfo.InvariantCulture);
            return true;
        }

        return false;
    }
}
