namespace ScimGateway.Scim.Groups;

/// <summary>The values of a membership's <c>type</c> (RFC 7643 section 4.2).</summary>
public static class MemberTypes
{
    /// <summary>A User member.</summary>
    public const string User = "User";

    /// <summary>A Group member.</summary>
    public const string Group = "Group";
}
