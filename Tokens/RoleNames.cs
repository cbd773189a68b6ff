namespace ScimGateway.Tokens;

/// <summary>Parses role names as clients write them ("admin", "Admin", "ADMIN").</summary>
public static class RoleNames
{
    /// <summary>Parses a role name case-insensitively; returns false for anything else.</summary>
    public static bool TryParse(string? value, out Role role)
    {
        role = Role.Member;
        if (string.IsNullOrWhiteSpace(value) || int.TryParse(value, out _))
        {
            return false;
        }

        return Enum.TryParse(value.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
    }

    /// <summary>The highest of the given role names that parse; <see cref="Role.Member"/> when none does.</summary>
    public static Role Highest(IEnumerable<string?> names)
    {
        var highest = Role.Member;
        foreach (var name in names)
        {
            if (TryParse(name, out var role) && role > highest)
            {
                highest = role;
            }
        }

        return highest;
    }
}
