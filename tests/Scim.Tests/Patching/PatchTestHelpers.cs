using System.Text.Json.Nodes;
using ScimGateway.Scim.Patching;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Tests.Patching;

internal static class PatchTestHelpers
{
    /// <summary>Parses a PATCH body whose Operations are given as a JSON array text, and applies it.</summary>
    public static PatchResult Patch(JsonObject resource, string operationsJson, ScimSchemaSet? schemas = null, PatchOptions? options = null)
    {
        var body = JsonNode.Parse($$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":{{operationsJson}}}""");
        var request = ScimPatchRequest.Parse(body, options);
        return PatchEngine.Apply(resource, request.Operations, schemas ?? ScimSchemaSet.User, options);
    }

    public static JsonObject Enterprise(this JsonObject user) =>
        user[ScimUrns.EnterpriseUser]!.AsObject();
}
