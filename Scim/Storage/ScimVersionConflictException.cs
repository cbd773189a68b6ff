namespace ScimGateway.Scim.Storage;

/// <summary>
/// Raised by a store's compare-and-set write when the resource's stored version is no longer the one the caller read:
/// another write (possibly on another node) changed it first. Nothing was written; the caller reads again and retries,
/// or answers 412 when the client's <c>If-Match</c> named the old version.
/// </summary>
public sealed class ScimVersionConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScimVersionConflictException()
        : base("The resource was changed by another write.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ScimVersionConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ScimVersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
