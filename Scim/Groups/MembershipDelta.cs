namespace ScimGateway.Scim.Groups;

/// <summary>What applying membership changes actually changed.</summary>
/// <param name="Added">Member ids inserted (absent before).</param>
/// <param name="Removed">Member ids deleted (present before).</param>
public sealed record MembershipDelta(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
{
    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
}
