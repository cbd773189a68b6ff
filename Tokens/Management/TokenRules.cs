namespace ScimGateway.Tokens.Management;

/// <summary>Input rules for tokens, shared by the API and the command line.</summary>
public static class TokenRules
{
    /// <summary>The longest token name.</summary>
    public const int MaxNameLength = 255;

    /// <summary>The longest expiration in days (one year).</summary>
    public const int MaxExpiresInDays = 365;

    /// <summary>Null when the name is acceptable, else what is wrong with it.</summary>
    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "name must not be empty."
        : name.Length > MaxNameLength ? $"name must be at most {MaxNameLength} characters (got {name.Length})."
        : name.Any(char.IsControl) ? "name must not contain control characters."
        : null;

    /// <summary>Null when the expiration is acceptable, else what is wrong with it.</summary>
    public static string? CheckExpiresInDays(int? days) =>
        days is null or (>= 1 and <= MaxExpiresInDays)
            ? null
            : $"expires_in_days must be between 1 and {MaxExpiresInDays}, or null for a token that never expires (got {days}).";
}
