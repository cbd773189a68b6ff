using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Patching;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Resources;

/// <summary>
/// Turns a POST or PUT body into a canonical resource: names case-insensitive on input and canonical on output,
/// values coerced per the schema (Entra's <c>"active":"True"</c>), nulls and empty values unassigned (Entra's
/// <c>roles:[]</c>, <c>manager:null</c>), unknown attributes ignored, readOnly ones (<c>id</c>, <c>meta</c>,
/// <c>groups</c>) ignored as RFC 7644 section 3.5.1 asks of PUT, and <c>password</c> dropped: it is accepted and never stored.
/// </summary>
internal static class ResourceBody
{
    public static JsonObject RequireObject(JsonNode? body) =>
        body as JsonObject ?? throw ScimException.BadRequest(ScimType.InvalidSyntax, "The request body must be a JSON object.");

    /// <summary>
    /// The body applied as one path-less <c>replace</c> to an empty resource, which runs it through the same coercion
    /// as PATCH. For Groups, <c>members</c> come back as <see cref="PatchResult.Members"/>.
    /// </summary>
    public static PatchResult Canonicalize(JsonObject body, ScimSchemaSet schemas, PatchOptions options)
    {
        var clean = new JsonObject();
        foreach (var (key, value) in body)
        {
            if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (schemas.FindExtension(key) is not null)
            {
                clean[key] = value?.DeepClone();
                continue;
            }

            var resolved = schemas.Resolve(key);
            if (resolved is null || resolved.Attribute.Mutability == ScimMutability.ReadOnly)
            {
                continue; // Unknown (lenient, as on PUT) or readOnly: ignored.
            }

            clean[key] = value?.DeepClone();
        }

        var empty = new JsonObject { ["schemas"] = new JsonArray(schemas.Core.Id) };
        var result = PatchEngine.Apply(empty, [new PatchOperation(PatchOperationType.Replace, null, clean)], schemas, options);
        result.Resource.Remove("password");
        return result;
    }

    /// <summary>RFC 7643: a resource without its required attribute (userName, displayName) is 400 invalidValue.</summary>
    public static string RequireText(JsonObject resource, string attribute, string resourceType) =>
        resource[attribute] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Trim().Length > 0
            ? value.GetValue<string>()
            : throw ScimException.BadRequest(ScimType.InvalidValue, $"A {resourceType} needs a non-empty '{attribute}'.");

    /// <summary>A 404 SCIM error for a resource that does not exist.</summary>
    public static ScimException NotFound(string resourceType, string id) =>
        new(HttpStatusCode.NotFound, null, $"{resourceType} '{id}' not found.");

    /// <summary>A 409 <c>uniqueness</c> error.</summary>
    public static ScimException Conflict(string detail) => new(HttpStatusCode.Conflict, ScimType.Uniqueness, detail);

    /// <summary>A PATCH or PUT starts from the stored resource with its <c>id</c>, so Okta's echo of it is accepted.</summary>
    public static JsonObject WithId(string storedJson, string id)
    {
        var resource = JsonNode.Parse(storedJson)!.AsObject();
        resource["id"] = id;
        return resource;
    }
}
