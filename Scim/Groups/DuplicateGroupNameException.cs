namespace ScimGateway.Scim.Groups;

/// <summary>Raised when a group display name is already taken (compared case-insensitively).</summary>
public sealed class DuplicateGroupNameException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DuplicateGroupNameException()
        : base("The group name is already taken.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DuplicateGroupNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DuplicateGroupNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
