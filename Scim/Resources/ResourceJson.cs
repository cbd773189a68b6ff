using System.Text.Json.Nodes;
using ScimGateway.Scim.Storage;

namespace ScimGateway.Scim.Resources;

/// <summary>Assembles a resource for the wire: <c>schemas</c>, <c>id</c>, the stored attributes, derived ones, <c>meta</c>.</summary>
internal static class ResourceJson
{
    public static JsonObject Assemble(string storedJson, string id, Action<JsonObject>? derive, ResourceMeta meta)
    {
        var stored = JsonNode.Parse(storedJson)!.AsObject();
        var output = new JsonObject
        {
            ["schemas"] = stored["schemas"]?.DeepClone() ?? new JsonArray(),
            ["id"] = id,
        };
        foreach (var key in stored.Select(p => p.Key).ToList())
        {
            if (key is "schemas" or "id" or "meta")
            {
                continue;
            }

            var value = stored[key];
            stored.Remove(key);
            output[key] = value;
        }

        derive?.Invoke(output);
        output["meta"] = new JsonObject
        {
            ["resourceType"] = meta.ResourceType,
            ["created"] = ScimTimestamps.Format(meta.Created),
            ["lastModified"] = ScimTimestamps.Format(meta.LastModified),
            ["location"] = meta.Location,
            ["version"] = ETags.Of(meta.Version),
        };
        return output;
    }
}
