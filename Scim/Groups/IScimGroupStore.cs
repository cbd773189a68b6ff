using ScimGateway.Scim.Filtering;

namespace ScimGateway.Scim.Groups;

/// <summary>Where SCIM groups and their memberships are kept.</summary>
public interface IScimGroupStore
{
    /// <summary>Adds a group; throws <see cref="DuplicateGroupNameException"/> when the display name is taken.</summary>
    void Insert(ScimGroupRecord group);

    /// <summary>Replaces a group's record (not its members); throws <see cref="DuplicateGroupNameException"/>.</summary>
    bool Update(ScimGroupRecord group);

    /// <summary>Deletes a group with its memberships, and its memberships in other groups.</summary>
    bool Delete(string id);

    /// <summary>Finds a group by id.</summary>
    ScimGroupRecord? FindById(string id);

    /// <summary>The groups an indexed <c>eq</c> term can match; the caller evaluates the whole filter on them.</summary>
    IReadOnlyList<ScimGroupRecord> FindCandidates(FilterIndexHint hint);

    /// <summary>Groups in stable id order.</summary>
    IReadOnlyList<ScimGroupRecord> Page(int skip, int take);

    /// <summary>Every group in id order.</summary>
    IEnumerable<ScimGroupRecord> All();

    /// <summary>How many groups there are.</summary>
    int Count();

    /// <summary>A group's members, streamed from the <c>GroupId</c> index.</summary>
    IEnumerable<ScimMembershipRecord> MembersOf(string groupId);

    /// <summary>The groups a user or group is a direct member of, from the <c>MemberId</c> index.</summary>
    IReadOnlyList<ScimMembershipRecord> GroupsOf(string memberId);

    /// <summary>Whether <paramref name="memberId"/> is a direct member of <paramref name="groupId"/>.</summary>
    bool IsMember(string groupId, string memberId);

    /// <summary>
    /// Applies set operations in one transaction: with <paramref name="replaceAll"/> every current membership not in
    /// <paramref name="added"/> goes; otherwise <paramref name="removed"/> go. Then every id of <paramref name="added"/>
    /// is inserted if absent, with the type and display <paramref name="describe"/> gives. Never loads the whole member
    /// list unless <paramref name="replaceAll"/>.
    /// </summary>
    MembershipDelta ApplyMembers(string groupId, IReadOnlyList<string> added, IReadOnlyCollection<string> removed, bool replaceAll, Func<string, MemberInfo> describe);

    /// <summary>Sets the stored display of every membership of <paramref name="memberId"/> (a renamed user or group).</summary>
    void SetMemberDisplay(string memberId, string? display);

    /// <summary>Adds many memberships of one group in one transaction (seeding, imports); existing ones are kept.</summary>
    void InsertMembers(string groupId, IReadOnlyCollection<ScimMembershipRecord> members);

    /// <summary>Deletes every membership of a member (a deleted user); returns the group ids it left.</summary>
    IReadOnlyList<string> RemoveMemberEverywhere(string memberId);
}
