using System.Net;

namespace ScimGateway.Scim.Errors;

/// <summary>
/// A SCIM protocol error (RFC 7644 section 3.12): the HTTP status, the optional <c>scimType</c> keyword and a
/// human-readable detail. The one place that writes HTTP responses maps it to a SCIM error body with
/// <see cref="ScimError.ToJson"/>.
/// </summary>
public sealed class ScimException : Exception
{
    /// <summary>Creates a 400 error without a <c>scimType</c>.</summary>
    public ScimException()
        : this(HttpStatusCode.BadRequest, null, "The SCIM request is invalid.")
    {
    }

    /// <summary>Creates a 400 error without a <c>scimType</c>.</summary>
    public ScimException(string message)
        : this(HttpStatusCode.BadRequest, null, message)
    {
    }

    /// <summary>Creates a 400 error without a <c>scimType</c>, wrapping its cause.</summary>
    public ScimException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new ScimError(HttpStatusCode.BadRequest, null, message);
    }

    /// <summary>Creates an error with the given status, <c>scimType</c> (see <see cref="ScimType"/>) and detail.</summary>
    public ScimException(HttpStatusCode status, string? scimType, string detail)
        : base(detail)
    {
        Error = new ScimError(status, scimType, detail);
    }

    /// <summary>The error as a value.</summary>
    public ScimError Error { get; }

    /// <summary>The HTTP status code.</summary>
    public HttpStatusCode Status => Error.Status;

    /// <summary>The <c>scimType</c> keyword, or <see langword="null"/>.</summary>
    public string? ScimType => Error.ScimType;

    /// <summary>The human-readable detail.</summary>
    public string Detail => Error.Detail;

    /// <summary>A 400 error with the given <c>scimType</c>.</summary>
    public static ScimException BadRequest(string scimType, string detail) =>
        new(HttpStatusCode.BadRequest, scimType, detail);
}
