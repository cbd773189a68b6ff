namespace ScimGateway.Scim.Groups;

/// <summary>One member of one group (collection <c>scim_memberships</c>).</summary>
public sealed class ScimMembershipRecord
{
    /// <summary><c>GroupId|MemberId</c>: the primary key makes a membership unique and finds it without a scan.</summary>
    public string Id { get; set; } = "";

    /// <summary>The group.</summary>
    public string GroupId { get; set; } = "";

    /// <summary>The member's id (a User or a Group).</summary>
    public string MemberId { get; set; } = "";

    /// <summary><c>User</c> or <c>Group</c>.</summary>
    public string MemberType { get; set; } = MemberTypes.User;

    /// <summary>
    /// The member's display name (<c>members.display</c>), kept up to date when the member is renamed;
    /// <see langword="null"/> on records written before it was stored (the reader looks the member up then).
    /// </summary>
    public string? Display { get; set; }

    /// <summary>Builds <see cref="Id"/>.</summary>
    public static string KeyOf(string groupId, string memberId) => $"{groupId}|{memberId}";
}
