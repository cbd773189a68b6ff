namespace ScimGateway.Gateway.Storage;

/// <summary>Raised when another process already owns the data directory.</summary>
public sealed class DataDirectoryInUseException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DataDirectoryInUseException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DataDirectoryInUseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public DataDirectoryInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
