using System.Text;

namespace ScimGateway.Gateway.CliLogin;

/// <summary>
/// The <c>hostname</c> the CLI reports. It is whatever the client says, so it is only shown and used in a token name
/// after cleaning: letters, digits, <c>-</c>, <c>.</c> and <c>_</c> kept, everything else dropped, cut to the length of
/// a DNS label (RFC 1035 section 2.3.4). It proves nothing about the machine.
/// </summary>
internal static class MachineName
{
    public const int MaxLength = 63;

    /// <summary>Used when the CLI sends no usable name.</summary>
    public const string Unknown = "unknown host";

    public static string Clean(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Unknown;
        }

        var builder = new StringBuilder(Math.Min(value.Length, MaxLength));
        foreach (var c in value)
        {
            if (builder.Length == MaxLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_')
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim('.', '-', '_');
        return cleaned.Length == 0 ? Unknown : cleaned;
    }
}
