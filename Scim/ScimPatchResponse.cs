namespace ScimGateway.Scim;

/// <summary>
/// What a successful PATCH answers (<c>Scim:PatchResponse</c>). RFC 7644 section 3.5.2 allows either; a request that
/// names <c>attributes</c> or <c>excludedAttributes</c> always gets <see cref="Resource"/> (the RFC's "MUST return a
/// 200 OK if the attributes parameter is specified").
/// </summary>
public enum ScimPatchResponse
{
    /// <summary>
    /// The default: a Group PATCH answers <c>204</c> (Okta's Group Push and Entra accept it, and a 50,000-member group is
    /// never sent back), a User PATCH answers <c>200</c> with the user, as Okta's SCIM 2.0 guide shows it and the
    /// scim-sanity suite checks it.
    /// </summary>
    GroupsNoContent,

    /// <summary><c>204 No Content</c> with the new <c>ETag</c> for Users and Groups alike.</summary>
    NoContent,

    /// <summary><c>200 OK</c> with the whole resource for Users and Groups alike (a Group with its members), for clients that want the result back.</summary>
    Resource,
}
