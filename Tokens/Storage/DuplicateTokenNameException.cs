namespace ScimGateway.Tokens.Storage;

/// <summary>Raised when an owner already has a token of the same name (compared case-insensitively).</summary>
public sealed class DuplicateTokenNameException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DuplicateTokenNameException()
        : base("The owner already has a token of that name.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DuplicateTokenNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DuplicateTokenNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
