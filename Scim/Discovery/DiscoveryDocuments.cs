using System.Text.Json.Nodes;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Discovery;

/// <summary>
/// Builds the discovery documents of RFC 7644 section 4 in the shapes of RFC 7643 sections 5, 6 and 7, describing
/// exactly what this engine supports. <c>baseUrl</c> is the absolute SCIM base (for example
/// <c>https://host/api/scim/v2</c>); it is used for <c>meta.location</c>.
/// </summary>
public static class DiscoveryDocuments
{
    /// <summary>The resource types this server serves.</summary>
    public static IReadOnlyList<ScimSchemaSet> ResourceTypes { get; } = [ScimSchemaSet.User, ScimSchemaSet.Group];

    /// <summary>Every schema this server publishes.</summary>
    public static IReadOnlyList<ScimSchema> Schemas { get; } =
        [UserSchema.Definition, EnterpriseUserSchema.Definition, GroupSchema.Definition];

    /// <summary><c>/ServiceProviderConfig</c> (RFC 7643 section 5).</summary>
    public static JsonObject ServiceProviderConfig(string baseUrl, DiscoveryOptions? options = null)
    {
        options ??= new DiscoveryOptions();
        var document = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimUrns.ServiceProviderConfig),
        };
        if (options.DocumentationUri is not null)
        {
            document["documentationUri"] = options.DocumentationUri.ToString();
        }

        document["patch"] = Supported(true);
        document["bulk"] = new JsonObject
        {
            ["supported"] = true,
            ["maxOperations"] = options.BulkMaxOperations,
            ["maxPayloadSize"] = options.BulkMaxPayloadSize,
        };
        document["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = options.FilterMaxResults };
        document["changePassword"] = Supported(false);
        document["sort"] = Supported(true);
        document["etag"] = Supported(true);
        document["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "OAuth Bearer Token",
            ["description"] = "Authentication with a bearer token (RFC 6750) issued by this gateway.",
            ["specUri"] = "https://www.rfc-editor.org/info/rfc6750",
            ["primary"] = true,
        });
        document["meta"] = Meta("ServiceProviderConfig", $"{Trim(baseUrl)}/ServiceProviderConfig");
        return document;
    }

    /// <summary>One <c>/ResourceTypes/{name}</c> document (RFC 7643 section 6).</summary>
    public static JsonObject ResourceType(ScimSchemaSet resourceType, string baseUrl)
    {
        var document = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimUrns.ResourceType),
            ["id"] = resourceType.ResourceType,
            ["name"] = resourceType.ResourceType,
            ["endpoint"] = resourceType.Endpoint,
            ["description"] = resourceType.Core.Description,
            ["schema"] = resourceType.Core.Id,
        };
        if (resourceType.Extensions.Count > 0)
        {
            document["schemaExtensions"] = new JsonArray(resourceType.Extensions
                .Select(e => (JsonNode)new JsonObject { ["schema"] = e.Id, ["required"] = false })
                .ToArray());
        }

        document["meta"] = Meta("ResourceType", $"{Trim(baseUrl)}/ResourceTypes/{resourceType.ResourceType}");
        return document;
    }

    /// <summary>One <c>/Schemas/{urn}</c> document (RFC 7643 section 7).</summary>
    public static JsonObject Schema(ScimSchema schema, string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ScimUrns.Schema),
        ["id"] = schema.Id,
        ["name"] = schema.Name,
        ["description"] = schema.Description,
        ["attributes"] = new JsonArray(schema.Attributes.Select(a => (JsonNode)Attribute(a)).ToArray()),
        ["meta"] = Meta("Schema", $"{Trim(baseUrl)}/Schemas/{schema.Id}"),
    };

    /// <summary>A <c>ListResponse</c> (RFC 7644 section 3.4.2) of whole documents, as <c>/ResourceTypes</c> and <c>/Schemas</c> answer.</summary>
    public static JsonObject ListResponse(IReadOnlyList<JsonObject> resources) => new()
    {
        ["schemas"] = new JsonArray(ScimUrns.ListResponse),
        ["totalResults"] = resources.Count,
        ["itemsPerPage"] = resources.Count,
        ["startIndex"] = 1,
        ["Resources"] = new JsonArray(resources.Select(r => (JsonNode)r.DeepClone()).ToArray()),
    };

    private static JsonObject Attribute(ScimAttribute attribute)
    {
        var json = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = attribute.Type switch
            {
                ScimAttributeType.DateTime => "dateTime",
                var t => t.ToString().ToLowerInvariant(),
            },
            ["multiValued"] = attribute.MultiValued,
            ["description"] = attribute.Description,
            ["required"] = attribute.Required,
        };
        if (attribute.IsComplex)
        {
            json["subAttributes"] = new JsonArray(attribute.SubAttributes.Select(s => (JsonNode)Attribute(s)).ToArray());
        }
        else
        {
            json["caseExact"] = attribute.CaseExact;
        }

        if (attribute.CanonicalValues.Count > 0)
        {
            json["canonicalValues"] = new JsonArray(attribute.CanonicalValues.Select(v => (JsonNode)v).ToArray());
        }

        if (attribute.ReferenceTypes.Count > 0)
        {
            json["referenceTypes"] = new JsonArray(attribute.ReferenceTypes.Select(v => (JsonNode)v).ToArray());
        }

        json["mutability"] = attribute.Mutability switch
        {
            ScimMutability.ReadOnly => "readOnly",
            ScimMutability.Immutable => "immutable",
            ScimMutability.WriteOnly => "writeOnly",
            _ => "readWrite",
        };
        json["returned"] = attribute.Returned.ToString().ToLowerInvariant();
        if (!attribute.IsComplex)
        {
            json["uniqueness"] = attribute.Uniqueness.ToString().ToLowerInvariant();
        }

        return json;
    }

    private static JsonObject Supported(bool supported) => new() { ["supported"] = supported };

    private static JsonObject Meta(string resourceType, string location) => new()
    {
        ["resourceType"] = resourceType,
        ["location"] = location,
    };

    private static string Trim(string baseUrl) => baseUrl.TrimEnd('/');
}
