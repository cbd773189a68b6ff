namespace ScimGateway.Gateway.CliLogin;

/// <summary>
/// Names tokens issued through CLI sign-in <c>qualytics CLI (hostname)</c>, adding <c> 2</c>, <c> 3</c>... when the person
/// already has a token of that name (names are unique per owner, case-insensitively), so signing in again from the
/// same machine works and each token stays recognisable in the list.
/// </summary>
internal static class CliTokenNames
{
    public static string For(string hostname) => $"qualytics CLI ({hostname})";

    public static string Unique(string hostname, IEnumerable<string> existing)
    {
        var taken = existing.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = For(hostname);
        if (!taken.Contains(name))
        {
            return name;
        }

        for (var n = 2; ; n++)
        {
            var candidate = $"{name} {n}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
