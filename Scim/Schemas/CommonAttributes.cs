namespace ScimGateway.Scim.Schemas;

/// <summary>
/// The attributes every resource has (RFC 7643 section 3.1). They belong to no schema and are not listed in
/// <c>/Schemas</c>, but resolve like core attributes.
/// </summary>
public static class CommonAttributes
{
    /// <summary><c>id</c>: server-issued, readOnly, always returned, case-exact, unique.</summary>
    public static readonly ScimAttribute Id = Attr.Str(
        "id", "Unique identifier for the resource, assigned by the service provider.", caseExact: true,
        mutability: ScimMutability.ReadOnly, returned: ScimReturned.Always, uniqueness: ScimUniqueness.Server);

    /// <summary><c>externalId</c>: the client's identifier, case-exact.</summary>
    public static readonly ScimAttribute ExternalId = Attr.Str(
        "externalId", "An identifier for the resource as defined by the provisioning client.", caseExact: true);

    /// <summary><c>meta</c>: readOnly resource metadata.</summary>
    public static readonly ScimAttribute Meta = Attr.Complex(
        "meta", "Resource metadata.", multiValued: false,
        [
            Attr.Str("resourceType", "The name of the resource type.", caseExact: true, mutability: ScimMutability.ReadOnly),
            Attr.Of(ScimAttributeType.DateTime, "created", "When the resource was added.", ScimMutability.ReadOnly),
            Attr.Of(ScimAttributeType.DateTime, "lastModified", "When the resource was last modified.", ScimMutability.ReadOnly),
            Attr.Of(ScimAttributeType.Reference, "location", "The URI of the resource.", ScimMutability.ReadOnly, ["uri"]),
            Attr.Str("version", "The version (weak ETag) of the resource.", caseExact: true, mutability: ScimMutability.ReadOnly),
        ],
        mutability: ScimMutability.ReadOnly);

    /// <summary>All common attributes.</summary>
    public static readonly IReadOnlyList<ScimAttribute> All = [Id, ExternalId, Meta];
}
