namespace ScimGateway.Scim.Schemas;

/// <summary>The core User schema with every attribute of RFC 7643 section 4.1 / 8.7.1.</summary>
public static class UserSchema
{
    /// <summary>The schema definition.</summary>
    public static readonly ScimSchema Definition = new(ScimUrns.User, "User", "User Account",
    [
        Attr.Str("userName", "Unique identifier for the User, typically used to authenticate.",
            required: true, uniqueness: ScimUniqueness.Server),
        Attr.Complex("name", "The components of the user's real name.", multiValued: false,
        [
            Attr.Str("formatted", "The full name, formatted for display."),
            Attr.Str("familyName", "The family name."),
            Attr.Str("givenName", "The given name."),
            Attr.Str("middleName", "The middle name(s)."),
            Attr.Str("honorificPrefix", "The honorific prefix(es), e.g. 'Ms.'."),
            Attr.Str("honorificSuffix", "The honorific suffix(es), e.g. 'III'."),
        ]),
        Attr.Str("displayName", "The name of the User, suitable for display to end-users."),
        Attr.Str("nickName", "The casual way to address the user."),
        Attr.Of(ScimAttributeType.Reference, "profileUrl", "A URI of the User's online profile.", referenceTypes: ["external"]),
        Attr.Str("title", "The user's title, such as 'Vice President'."),
        Attr.Str("userType", "The relationship between the organization and the user."),
        Attr.Str("preferredLanguage", "The User's preferred written or spoken language (RFC 7231 Accept-Language)."),
        Attr.Str("locale", "The User's default location for localization (e.g. en-US)."),
        Attr.Str("timezone", "The User's time zone in IANA format (e.g. America/Los_Angeles)."),
        Attr.Of(ScimAttributeType.Boolean, "active", "The User's administrative status."),
        Attr.Str("password", "The User's cleartext password; never returned.",
            mutability: ScimMutability.WriteOnly, returned: ScimReturned.Never),
        Attr.MultiValue("emails", "Email addresses for the user.", ["work", "home", "other"]),
        Attr.MultiValue("phoneNumbers", "Phone numbers for the User.", ["work", "home", "mobile", "fax", "pager", "other"]),
        Attr.MultiValue("ims", "Instant messaging addresses for the User.",
            ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
        Attr.MultiValue("photos", "URLs of photos of the User.", ["photo", "thumbnail"],
            ScimAttributeType.Reference, ["external"]),
        Attr.Complex("addresses", "A physical mailing address for this User.", multiValued: true,
        [
            Attr.Str("formatted", "The full mailing address, formatted for display."),
            Attr.Str("streetAddress", "The full street address component."),
            Attr.Str("locality", "The city or locality component."),
            Attr.Str("region", "The state or region component."),
            Attr.Str("postalCode", "The zip code or postal code component."),
            Attr.Str("country", "The country name component (ISO 3166-1 alpha-2)."),
            Attr.Str("type", "A label indicating the attribute's function.", canonical: ["work", "home", "other"]),
            Attr.Of(ScimAttributeType.Boolean, "primary", "Whether this is the preferred mailing address."),
        ]),
        Attr.Complex("groups", "The groups to which the user belongs; changed through the Group resource.",
            multiValued: true,
        [
            Attr.Str("value", "The identifier of the User's group.", mutability: ScimMutability.ReadOnly),
            Attr.Of(ScimAttributeType.Reference, "$ref", "The URI of the Group.", ScimMutability.ReadOnly, ["User", "Group"]),
            Attr.Str("display", "A human-readable name of the group.", mutability: ScimMutability.ReadOnly),
            Attr.Str("type", "Direct or indirect membership.", mutability: ScimMutability.ReadOnly,
                canonical: ["direct", "indirect"]),
        ],
            mutability: ScimMutability.ReadOnly),
        Attr.MultiValue("entitlements", "A list of entitlements for the User.", []),
        Attr.MultiValue("roles", "A list of roles for the User.", []),
        Attr.MultiValue("x509Certificates", "A list of certificates issued to the User.", [], ScimAttributeType.Binary),
    ]);
}
