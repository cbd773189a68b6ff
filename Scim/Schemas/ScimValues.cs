using System.Globalization;

namespace ScimGateway.Scim.Schemas;

/// <summary>Parsing helpers for SCIM scalar values (RFC 7643 section 2.3).</summary>
public static class ScimValues
{
    /// <summary>Parses an xsd:dateTime (RFC 7643 section 2.3.5); a value without an offset is taken as UTC.</summary>
    public static bool TryParseDateTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out value);

    /// <summary>Parses a JSON-style number.</summary>
    public static bool TryParseNumber(string? text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// Parses a boolean written as a string. Entra sends <c>"True"</c>/<c>"False"</c> for boolean attributes when the
    /// tenant runs without <c>aadOptscim062020</c>.
    /// </summary>
    public static bool TryParseBoolean(string? text, out bool value)
    {
        if (string.Equals(text?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return string.Equals(text?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
    }
}
