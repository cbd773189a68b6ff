namespace ScimGateway.Scim;

/// <summary>
/// What a successful PATCH answers (<c>Scim:PatchResponse</c>). RFC 7644 section 3.5.2 allows either; a request that
/// names <c>attributes</c> or <c>excludedAttributes</c> always gets <see cref="Resource"/> (the RFC's "MUST return a
/// 200 OK if the attributes parameter is specified").
/// </summary>
public enum ScimPatchResponse
{
    /// <summary><c>204 No Content</c> with the new <c>ETag</c>: what Okta and Microsoft Entra expect, and cheap for large groups.</summary>
    NoContent,

    /// <summary><c>200 OK</c> with the whole resource (a Group with its members), for clients that want the result back.</summary>
    Resource,
}
