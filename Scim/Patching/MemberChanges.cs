namespace ScimGateway.Scim.Patching;

/// <summary>
/// Group membership changes produced by a PATCH, as set operations for the store. Group members are never loaded
/// into the resource for PATCH: with tens of thousands of members a read-modify-write of the list is slow and loses
/// concurrent changes (see SCIM-COMPAT.md, "Large groups").
/// </summary>
/// <remarks>
/// Apply as: when <see cref="ReplaceAll"/>, delete every membership of the group; otherwise delete
/// <see cref="Removed"/>. Then insert <see cref="Added"/>, skipping ids that are already members. The two sets are
/// disjoint, so the order of the deletes and inserts does not matter. Member ids are case-exact.
/// </remarks>
public sealed class MemberChanges
{
    private readonly List<string> _added = [];
    private readonly HashSet<string> _addedSet = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    /// <summary>Whether the existing members are replaced (by <see cref="Added"/>, possibly none).</summary>
    public bool ReplaceAll { get; private set; }

    /// <summary>Whether every member is removed and none added.</summary>
    public bool RemoveAll => ReplaceAll && _added.Count == 0;

    /// <summary>Member ids to insert, in request order, without duplicates.</summary>
    public IReadOnlyList<string> Added => _added;

    /// <summary>Member ids to delete (empty when <see cref="ReplaceAll"/>).</summary>
    public IReadOnlyCollection<string> Removed => _removed;

    /// <summary>Whether the PATCH touched no memberships.</summary>
    public bool IsEmpty => !ReplaceAll && _added.Count == 0 && _removed.Count == 0;

    internal void Add(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            _removed.Remove(id);
            if (_addedSet.Add(id))
            {
                _added.Add(id);
            }
        }
    }

    internal void Remove(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            if (_addedSet.Remove(id))
            {
                _added.Remove(id);
            }

            if (!ReplaceAll)
            {
                _removed.Add(id);
            }
        }
    }

    internal void Replace(IEnumerable<string> ids)
    {
        ReplaceAll = true;
        _added.Clear();
        _addedSet.Clear();
        _removed.Clear();
        Add(ids);
    }
}
