namespace ScimGateway.Gateway.CliLogin;

/// <summary>
/// The CLI's <c>state</c>: echoed back untouched, so it must survive a query string without escaping surprises. Only
/// RFC 3986 section 2.3 unreserved characters, at most 512 of them (the CLI sends a short random URL-safe string).
/// </summary>
internal static class CliState
{
    public const int MaxLength = 512;

    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(IsUnreserved);

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~';
}
