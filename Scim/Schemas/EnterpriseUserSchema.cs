namespace ScimGateway.Scim.Schemas;

/// <summary>The Enterprise User extension (RFC 7643 section 4.3 / 8.7.1).</summary>
public static class EnterpriseUserSchema
{
    /// <summary>The schema definition.</summary>
    public static readonly ScimSchema Definition = new(ScimUrns.EnterpriseUser, "EnterpriseUser", "Enterprise User",
    [
        Attr.Str("employeeNumber", "Numeric or alphanumeric identifier assigned to a person."),
        Attr.Str("costCenter", "Identifies the name of a cost center."),
        Attr.Str("organization", "Identifies the name of an organization."),
        Attr.Str("division", "Identifies the name of a division."),
        Attr.Str("department", "Identifies the name of a department."),
        Attr.Complex("manager", "The User's manager.", multiValued: false,
        [
            Attr.Str("value", "The id of the SCIM resource representing the User's manager.", caseExact: true),
            Attr.Of(ScimAttributeType.Reference, "$ref", "The URI of the manager's User resource.", referenceTypes: ["User"]),
            Attr.Str("displayName", "The displayName of the User's manager.", mutability: ScimMutability.ReadOnly),
        ]),
    ]);
}
