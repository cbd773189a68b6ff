namespace ScimGateway.Tokens.Management;

/// <summary>Expected failures of token and service-user operations; the host maps them to HTTP statuses.</summary>
public enum ErrorKind
{
    /// <summary>The request is invalid (400).</summary>
    BadRequest,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,

    /// <summary>No such thing the caller may see (404).</summary>
    NotFound,

    /// <summary>The current state forbids it (409).</summary>
    Conflict,
}
