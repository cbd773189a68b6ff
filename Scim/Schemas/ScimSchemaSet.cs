namespace ScimGateway.Scim.Schemas;

/// <summary>
/// A resource type's schemas (RFC 7643 section 6): the core schema, its extensions and the common attributes,
/// with case-insensitive attribute resolution to canonical names.
/// </summary>
public sealed class ScimSchemaSet
{
    /// <summary>Creates a schema set.</summary>
    public ScimSchemaSet(string resourceType, string endpoint, ScimSchema core, IReadOnlyList<ScimSchema> extensions)
    {
        ResourceType = resourceType;
        Endpoint = endpoint;
        Core = core;
        Extensions = extensions;
    }

    /// <summary>Users: core User schema plus the Enterprise User extension.</summary>
    public static ScimSchemaSet User { get; } =
        new("User", "/Users", UserSchema.Definition, [EnterpriseUserSchema.Definition]);

    /// <summary>Groups: core Group schema, no extensions.</summary>
    public static ScimSchemaSet Group { get; } = new("Group", "/Groups", GroupSchema.Definition, []);

    /// <summary>The resource type name (<c>User</c>, <c>Group</c>).</summary>
    public string ResourceType { get; }

    /// <summary>The endpoint relative to the SCIM base (<c>/Users</c>).</summary>
    public string Endpoint { get; }

    /// <summary>The core schema.</summary>
    public ScimSchema Core { get; }

    /// <summary>The extension schemas.</summary>
    public IReadOnlyList<ScimSchema> Extensions { get; }

    /// <summary>Whether this is the Group resource type, whose members are kept as separate records.</summary>
    public bool IsGroup => Core.Id == ScimUrns.Group;

    /// <summary>Finds an extension schema by URN, case-insensitively.</summary>
    public ScimSchema? FindExtension(string urn)
    {
        foreach (var extension in Extensions)
        {
            if (string.Equals(extension.Id, urn, StringComparison.OrdinalIgnoreCase))
            {
                return extension;
            }
        }

        return null;
    }

    /// <summary>
    /// Resolves an attribute reference, or returns <see langword="null"/> when the resource type has no such attribute.
    /// Without a URN, core and common attributes win, then extension attributes: Entra filters on
    /// <c>manager eq "id"</c> without the enterprise URN.
    /// </summary>
    public ResolvedAttribute? Resolve(AttributePath path)
    {
        ScimAttribute? attribute = null;
        string? extensionUrn = null;
        if (path.Urn is null || string.Equals(path.Urn, Core.Id, StringComparison.OrdinalIgnoreCase))
        {
            attribute = FindCommon(path.Name) ?? Core.FindAttribute(path.Name);
        }

        if (attribute is null)
        {
            var candidates = path.Urn is null ? Extensions : FindExtension(path.Urn) is { } one ? [one] : [];
            foreach (var extension in candidates)
            {
                attribute = extension.FindAttribute(path.Name);
                if (attribute is not null)
                {
                    extensionUrn = extension.Id;
                    break;
                }
            }
        }

        if (attribute is null)
        {
            return null;
        }

        ScimAttribute? sub = null;
        if (path.SubAttribute is not null)
        {
            sub = attribute.FindSubAttribute(path.SubAttribute);
            if (sub is null)
            {
                return null;
            }
        }

        return new ResolvedAttribute(attribute, sub, extensionUrn);
    }

    /// <summary>Resolves a textual reference such as <c>urn:...:User:name.givenName</c> or <c>Emails.Value</c>.</summary>
    public ResolvedAttribute? Resolve(string text) =>
        AttributePath.TryParse(text) is { } path ? Resolve(path) : null;

    private static ScimAttribute? FindCommon(string name)
    {
        foreach (var attribute in CommonAttributes.All)
        {
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }
}
