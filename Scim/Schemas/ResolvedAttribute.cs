using System.Text.Json.Nodes;

namespace ScimGateway.Scim.Schemas;

/// <summary>An attribute reference resolved against a <see cref="ScimSchemaSet"/>.</summary>
/// <param name="Attribute">The top-level attribute.</param>
/// <param name="SubAttribute">The sub-attribute, or <see langword="null"/>.</param>
/// <param name="ExtensionUrn">
/// The extension schema URN whose JSON object holds the attribute, or <see langword="null"/> for core and common
/// attributes (which sit at the top level of the resource).
/// </param>
public sealed record ResolvedAttribute(ScimAttribute Attribute, ScimAttribute? SubAttribute, string? ExtensionUrn)
{
    /// <summary>The canonical path: extension URN only for extension attributes, canonical name casing.</summary>
    public AttributePath CanonicalPath => new(ExtensionUrn, Attribute.Name, SubAttribute?.Name);

    /// <summary>The definition of the addressed leaf: the sub-attribute if any, else the attribute.</summary>
    public ScimAttribute Leaf => SubAttribute ?? Attribute;

    /// <summary>The JSON object holding the attribute: the resource, or its extension object (optionally created).</summary>
    public JsonObject? Container(JsonObject resource, bool create = false)
    {
        if (ExtensionUrn is null)
        {
            return resource;
        }

        if (resource[ExtensionUrn] is JsonObject extension)
        {
            return extension;
        }

        if (!create)
        {
            return null;
        }

        extension = [];
        resource[ExtensionUrn] = extension;
        return extension;
    }

    /// <summary>The attribute's current JSON value in <paramref name="resource"/>, or <see langword="null"/>.</summary>
    public JsonNode? Value(JsonObject resource) => Container(resource)?[Attribute.Name];
}
