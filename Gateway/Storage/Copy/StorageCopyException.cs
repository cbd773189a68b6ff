namespace ScimGateway.Gateway.Storage.Copy;

/// <summary>A copy refused or undone, with a message for the operator that says what was found; nothing was written.</summary>
public sealed class StorageCopyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageCopyException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StorageCopyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public StorageCopyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
