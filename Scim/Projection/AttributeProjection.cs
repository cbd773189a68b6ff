using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Projection;

/// <summary>
/// The <c>attributes</c> / <c>excludedAttributes</c> query parameters (RFC 7644 section 3.4.2.5) applied with the
/// <c>returned</c> characteristic (RFC 7643 section 7): <c>always</c> attributes (<c>id</c>) and <c>schemas</c> are
/// always returned, <c>never</c> attributes (<c>password</c>) never, <c>request</c> attributes only when named, and
/// <c>default</c> attributes unless excluded or left out of an <c>attributes</c> list.
/// </summary>
/// <remarks>
/// Names are case-insensitive and may be URN-qualified (<c>urn:...:User:name.givenName</c>), name a sub-attribute
/// (<c>name.givenName</c>) or a whole schema (<c>urn:...:enterprise:2.0:User</c>). Unknown names are ignored, as
/// neither RFC defines an error for them. When both parameters are given, <c>attributes</c> wins.
/// </remarks>
public sealed class AttributeProjection
{
    private readonly ScimSchemaSet _schemas;
    private readonly bool _isInclusion;
    private readonly HashSet<string> _wholeSchemas = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<AttributePath> _paths = [];

    private AttributeProjection(ScimSchemaSet schemas, bool isInclusion)
    {
        _schemas = schemas;
        _isInclusion = isInclusion;
    }

    /// <summary>Whether neither parameter was given.</summary>
    public bool IsDefault => !_isInclusion && _paths.Count == 0 && _wholeSchemas.Count == 0;

    /// <summary>
    /// Reads the two comma-separated parameters. A list longer than <see cref="FilterLimits.MaxLength"/> characters
    /// or with more than <see cref="FilterLimits.MaxAttributeNames"/> names is 400 <see cref="ScimType.InvalidFilter"/>:
    /// every name is matched against every attribute of every returned resource.
    /// </summary>
    public static AttributeProjection Parse(string? attributes, string? excludedAttributes, ScimSchemaSet schemas, FilterLimits? limits = null)
    {
        limits ??= FilterLimits.Default;
        var inclusion = !string.IsNullOrWhiteSpace(attributes);
        var projection = new AttributeProjection(schemas, inclusion);
        var list = inclusion ? attributes : excludedAttributes;
        var parameter = inclusion ? "attributes" : "excludedAttributes";
        if (list is not null && list.Length > limits.MaxLength)
        {
            throw ScimException.BadRequest(ScimType.InvalidFilter,
                $"'{parameter}' is {list.Length} characters long; the limit is {limits.MaxLength} (Scim:MaxFilterLength).");
        }

        var items = (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length > limits.MaxAttributeNames)
        {
            throw ScimException.BadRequest(ScimType.InvalidFilter,
                $"'{parameter}' names {items.Length} attributes; the limit is {limits.MaxAttributeNames} (Scim:MaxAttributeNames).");
        }

        foreach (var item in items)
        {
            if (string.Equals(item, schemas.Core.Id, StringComparison.OrdinalIgnoreCase) || schemas.FindExtension(item) is not null)
            {
                projection._wholeSchemas.Add(schemas.FindExtension(item)?.Id ?? schemas.Core.Id);
            }
            else if (schemas.Resolve(item) is { } resolved)
            {
                projection._paths.Add(resolved.CanonicalPath);
            }
        }

        return projection;
    }

    /// <summary>
    /// Whether a top-level attribute (for example <c>members</c>) is returned at all, so a store can skip loading it:
    /// Entra reads groups with <c>excludedAttributes=members</c>.
    /// </summary>
    public bool Includes(string attribute) =>
        _schemas.Resolve(attribute) is { } resolved && Decide(resolved.ExtensionUrn, resolved.Attribute) != Decision.Drop;

    /// <summary>Returns a projected copy of <paramref name="resource"/> (canonical JSON form).</summary>
    public JsonObject Apply(JsonObject resource)
    {
        var result = new JsonObject();
        foreach (var (key, value) in resource)
        {
            if (key == "schemas")
            {
                result[key] = value?.DeepClone();
            }
            else if (_schemas.FindExtension(key) is { } extension)
            {
                if (value is JsonObject extensionObject && Project(extension.Id, extensionObject, extension.FindAttribute) is { Count: > 0 } projected)
                {
                    result[key] = projected;
                }
            }
            else if (_schemas.Resolve(new AttributePath(null, key)) is { ExtensionUrn: null } resolved)
            {
                Copy(result, null, resolved.Attribute, value);
            }
            else if (IsDefault)
            {
                result[key] = value?.DeepClone(); // Not in the schema: left alone unless the client chose attributes.
            }
        }

        return result;
    }

    private JsonObject Project(string extensionUrn, JsonObject source, Func<string, ScimAttribute?> find)
    {
        var result = new JsonObject();
        foreach (var (key, value) in source)
        {
            if (find(key) is { } attribute)
            {
                Copy(result, extensionUrn, attribute, value);
            }
        }

        return result;
    }

    private void Copy(JsonObject target, string? extensionUrn, ScimAttribute attribute, JsonNode? value)
    {
        switch (Decide(extensionUrn, attribute))
        {
            case Decision.Keep:
                target[attribute.Name] = StripNever(attribute, value?.DeepClone());
                break;
            case Decision.Partial:
                if (FilterSubAttributes(extensionUrn, attribute, value) is { } partial)
                {
                    target[attribute.Name] = partial;
                }

                break;
        }
    }

    private Decision Decide(string? extensionUrn, ScimAttribute attribute)
    {
        if (attribute.Returned == ScimReturned.Never)
        {
            return Decision.Drop;
        }

        if (attribute.Returned == ScimReturned.Always)
        {
            return Decision.Keep;
        }

        var schemaNamed = _wholeSchemas.Contains(extensionUrn ?? _schemas.Core.Id);
        var named = _paths.Contains(new AttributePath(extensionUrn, attribute.Name));
        var subNamed = _paths.Any(p => p.Urn == extensionUrn && p.Name == attribute.Name && p.SubAttribute is not null);
        if (_isInclusion)
        {
            return named || (schemaNamed && attribute.Returned == ScimReturned.Default) ? Decision.Keep
                : subNamed ? Decision.Partial
                : Decision.Drop;
        }

        if (schemaNamed || named || attribute.Returned == ScimReturned.Request)
        {
            return Decision.Drop;
        }

        return subNamed ? Decision.Partial : Decision.Keep;
    }

    private JsonNode? FilterSubAttributes(string? extensionUrn, ScimAttribute attribute, JsonNode? value)
    {
        JsonObject? Filter(JsonObject element)
        {
            var kept = new JsonObject();
            foreach (var (key, sub) in element)
            {
                var definition = attribute.FindSubAttribute(key);
                var listed = definition is not null && _paths.Contains(new AttributePath(extensionUrn, attribute.Name, definition.Name));
                if (definition is null || definition.Returned == ScimReturned.Never || listed != _isInclusion)
                {
                    continue;
                }

                kept[key] = sub?.DeepClone();
            }

            return kept.Count == 0 ? null : kept;
        }

        return value switch
        {
            JsonObject single => Filter(single),
            JsonArray array when array.OfType<JsonObject>().Select(Filter).OfType<JsonObject>().ToList() is { Count: > 0 } items =>
                new JsonArray([.. items]),
            _ => null,
        };
    }

    private static JsonNode? StripNever(ScimAttribute attribute, JsonNode? value)
    {
        if (!attribute.IsComplex || attribute.SubAttributes.All(s => s.Returned != ScimReturned.Never))
        {
            return value;
        }

        foreach (var element in value is JsonArray array ? array.OfType<JsonObject>() : value is JsonObject o ? [o] : [])
        {
            foreach (var sub in attribute.SubAttributes.Where(s => s.Returned == ScimReturned.Never))
            {
                element.Remove(sub.Name);
            }
        }

        return value;
    }

    private enum Decision
    {
        Drop,
        Keep,
        Partial,
    }
}
