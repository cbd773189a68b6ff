namespace ScimGateway.Scim.Users;

/// <summary>Raised when a user name is already taken (compared case-insensitively).</summary>
public sealed class DuplicateUserNameException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DuplicateUserNameException()
        : base("The user name is already taken.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DuplicateUserNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DuplicateUserNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
