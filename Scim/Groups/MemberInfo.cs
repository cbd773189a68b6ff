using ScimGateway.Scim.Users;

namespace ScimGateway.Scim.Groups;

/// <summary>
/// What a membership record keeps about its member (RFC 7643 section 4.2 <c>members.type</c> and
/// <c>members.display</c>), so that reading a group of 50,000 members needs no lookup per member.
/// </summary>
/// <param name="Type"><see cref="MemberTypes.User"/> or <see cref="MemberTypes.Group"/>.</param>
/// <param name="Display">A user's displayName (else userName), a group's displayName.</param>
public sealed record MemberInfo(string Type, string? Display)
{
    /// <summary>A user member.</summary>
    public static MemberInfo Of(ScimUserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(MemberTypes.User, DisplayOf(user));
    }

    /// <summary>A group member.</summary>
    public static MemberInfo Of(ScimGroupRecord group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new(MemberTypes.Group, group.DisplayName);
    }

    /// <summary>A user's display: <c>displayName</c>, falling back to <c>userName</c> (which every user has).</summary>
    public static string DisplayOf(ScimUserRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName : user.DisplayName;
    }
}
