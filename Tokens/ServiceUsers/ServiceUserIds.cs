using System.Text;

namespace ScimGateway.Tokens.ServiceUsers;

/// <summary>Derives a service user's id from its name the way Qualytics does.</summary>
public static class ServiceUserIds
{
    /// <summary>The suffix every service user id carries.</summary>
    public const string Suffix = "@service";

    /// <summary>
    /// Lower-cases the name, turns spaces into underscores and drops every other character that is not a letter,
    /// digit, underscore or hyphen, then appends <see cref="Suffix"/>. Returns null when nothing usable is left.
    /// </summary>
    public static string? FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + Suffix.Length);
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (c == ' ')
            {
                builder.Append('_');
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            {
                builder.Append(c);
            }
        }

        return builder.Length == 0 || builder.ToString().All(c => c == '_') ? null : builder.Append(Suffix).ToString();
    }
}
