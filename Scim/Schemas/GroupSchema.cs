namespace ScimGateway.Scim.Schemas;

/// <summary>The core Group schema (RFC 7643 section 4.2 / 8.7.1).</summary>
public static class GroupSchema
{
    /// <summary>The schema definition.</summary>
    public static readonly ScimSchema Definition = new(ScimUrns.Group, "Group", "Group",
    [
        // RFC 7643 section 4.2 calls displayName REQUIRED although the 8.7.1 listing says false; Okta and Entra always send it.
        Attr.Str("displayName", "A human-readable name for the Group.", required: true),
        Attr.Complex("members", "A list of members of the Group.", multiValued: true,
        [
            Attr.Str("value", "Identifier of the member of this Group.", caseExact: true, mutability: ScimMutability.Immutable),
            Attr.Of(ScimAttributeType.Reference, "$ref", "The URI of the member resource.", ScimMutability.Immutable,
                ["User", "Group"]),
            // Not in the 8.7.1 listing but described in section 4.2 and sent by Okta and Entra.
            Attr.Str("display", "A human-readable name of the member.", mutability: ScimMutability.Immutable),
            Attr.Str("type", "The type of the member.", mutability: ScimMutability.Immutable, canonical: ["User", "Group"]),
        ]),
    ]);
}
