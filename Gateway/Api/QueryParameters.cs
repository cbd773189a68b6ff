using System.Globalization;

namespace ScimGateway.Gateway.Api;

/// <summary>
/// Reads the gateway API's own query parameters. Every malformed, out-of-range or repeated value becomes a 400
/// problem+json that names the parameter, instead of the framework's binding failure (which names nothing) or a
/// value that overflows further down (a page number times a page size).
/// </summary>
internal static class QueryParameters
{
    /// <summary>The longest free-text value accepted (search terms, ids, team names).</summary>
    public const int MaxTextLength = 256;

    /// <summary>Reads an optional whole number in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static bool TryGetInt(HttpRequest request, string name, int min, int max, out int? value, out IResult? error)
    {
        value = null;
        if (!TryGetSingle(request, name, out var text, out error) || text is null)
        {
            return error is null;
        }

        // Digits only: no sign, no spaces, no exponent, no thousands separators; long first so overflow is "out of range".
        if (text.Length is 0 or > 18 || !text.All(char.IsAsciiDigit)
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed < min || parsed > max)
        {
            error = ApiResults.BadRequest($"{name} must be a whole number from {min} to {max}.");
            return false;
        }

        value = (int)parsed;
        return true;
    }

    /// <summary>Reads an optional <c>true</c> or <c>false</c>.</summary>
    public static bool TryGetBool(HttpRequest request, string name, out bool? value, out IResult? error)
    {
        value = null;
        if (!TryGetSingle(request, name, out var text, out error) || text is null)
        {
            return error is null;
        }

        if (!bool.TryParse(text, out var parsed))
        {
            error = ApiResults.BadRequest($"{name} must be true or false.");
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>Reads an optional text value of at most <see cref="MaxTextLength"/> characters, without control characters.</summary>
    public static bool TryGetText(HttpRequest request, string name, out string? value, out IResult? error)
    {
        if (!TryGetSingle(request, name, out value, out error) || value is null)
        {
            return error is null;
        }

        if (value.Length > MaxTextLength || value.Any(char.IsControl))
        {
            error = ApiResults.BadRequest($"{name} must be at most {MaxTextLength} characters without control characters.");
            value = null;
            return false;
        }

        return true;
    }

    private static bool TryGetSingle(HttpRequest request, string name, out string? value, out IResult? error)
    {
        value = null;
        error = null;
        if (!request.Query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return true;
        }

        if (values.Count > 1)
        {
            error = ApiResults.BadRequest($"{name} must be given at most once.");
            return false;
        }

        value = values[0];
        return true;
    }
}
