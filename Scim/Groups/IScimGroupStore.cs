using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Provisioning;

namespace ScimGateway.Scim.Groups;

/// <summary>
/// Where SCIM groups and their memberships are kept. Each write is one unit of consistency (one transaction): a group,
/// its memberships, the memberships' <c>display</c> and the <see cref="ProvisioningEvent"/>s the change causes are
/// written together or not at all. "Not found" is <see langword="null"/>, <see langword="false"/> or empty, never an
/// exception.
/// </summary>
public interface IScimGroupStore
{
    /// <summary>
    /// Adds a group with its first <paramref name="members"/> (their <see cref="ScimMembershipRecord.GroupId"/> and
    /// <see cref="ScimMembershipRecord.Id"/> are set here; a member listed twice is added once) and records
    /// <paramref name="events"/>; throws <see cref="DuplicateGroupNameException"/> when the display name is taken
    /// (nothing is written then).
    /// </summary>
    void Insert(ScimGroupRecord group, IReadOnlyCollection<ScimMembershipRecord> members, IReadOnlyCollection<ProvisioningEvent> events);

    /// <summary>
    /// Replaces a group's record, never its members, and records <paramref name="events"/>; false when gone. A new
    /// display name becomes the <c>display</c> of the group's memberships in other groups. Throws
    /// <see cref="DuplicateGroupNameException"/> when the name is taken (nothing is written then).
    /// </summary>
    bool Update(ScimGroupRecord group, IReadOnlyCollection<ProvisioningEvent> events);

    /// <summary>
    /// As <see cref="Update(ScimGroupRecord, IReadOnlyCollection{ProvisioningEvent})"/>, only if the stored version is
    /// still <paramref name="expectedVersion"/>, checked in the same transaction; throws
    /// <see cref="Storage.ScimVersionConflictException"/> otherwise (nothing is written then).
    /// </summary>
    bool Update(ScimGroupRecord group, long expectedVersion, IReadOnlyCollection<ProvisioningEvent> events);

    /// <summary>
    /// Deletes a group with its memberships and its memberships in other groups, and records
    /// <paramref name="events"/>; false when there was none (nothing is recorded then).
    /// </summary>
    bool Delete(string id, IReadOnlyCollection<ProvisioningEvent> events);

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
    /// list unless <paramref name="replaceAll"/>. Last, in the same transaction, <paramref name="complete"/> is given
    /// what changed and may return the group's new record and the events to record (as <see cref="Update(ScimGroupRecord, IReadOnlyCollection{ProvisioningEvent})"/> writes
    /// them); if that write fails, the membership changes are undone too. Throws
    /// <see cref="Storage.ScimVersionConflictException"/> (nothing written) when the group is gone.
    /// </summary>
    MembershipDelta ApplyMembers(
        string groupId,
        IReadOnlyList<string> added,
        IReadOnlyCollection<string> removed,
        bool replaceAll,
        Func<string, MemberInfo> describe,
        Func<MembershipDelta, GroupWrite?> complete);

    /// <summary>Adds many memberships of one group in one transaction (seeding, imports); existing ones are kept.</summary>
    void InsertMembers(string groupId, IReadOnlyCollection<ScimMembershipRecord> members);
}
