using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace ScimGateway.Gateway.OpenApi;

/// <summary>Examples in the document, by endpoint name; the shapes are those of the token JSON (ARCHITECTURE.md).</summary>
internal static class OpenApiExamples
{
    private static JsonObject Owner() => new()
    {
        ["id"] = "5f0c3d6e-2d3b-4a57-9a55-0d6c3f1c2b11", ["user_id"] = "5f0c3d6e-2d3b-4a57-9a55-0d6c3f1c2b11",
        ["user_name"] = "ada@example.com", ["email"] = "ada@example.com", ["name"] = "Ada Lovelace", ["role"] = "Member", ["user_type"] = "Human",
    };

    private static JsonObject Token() => new()
    {
        ["id"] = "b3c9f2a4e1d84f0a9c7e5b6a1d2c3e4f", ["created"] = "2026-11-28T10:00:00Z", ["name"] = "ci-pipeline", ["type"] = "personal",
        ["status"] = "active", ["active"] = true, ["expiration"] = "2027-02-26T10:00:00Z", ["last_used"] = null, ["last_used_address"] = null,
        ["scim_endpoints_only"] = false, ["user"] = Owner(),
    };

    public static void Apply(OpenApiOperation operation, string? endpointName)
    {
        switch (endpointName)
        {
            case "CreateToken":
                SetRequest(operation, new JsonObject { ["name"] = "ci-pipeline", ["expires_in_days"] = 90, ["scim_endpoints_only"] = false });
                var issued = Token();
                issued["bearer_token"] = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ...(shown once)";
                SetResponse(operation, "201", issued);
                SetResponse(operation, "409", Problem(409, "Conflict", "A token named 'ci-pipeline' already exists."));
                break;
            case "ListOwnTokens":
                SetResponse(operation, "200", new JsonArray(Token()));
                break;
            case "RevokeOrRestoreToken":
                SetRequest(operation, new JsonObject { ["revoke"] = true });
                var revoked = Token();
                revoked["status"] = "revoked";
                revoked["active"] = false;
                revoked["message"] = "The token has been successfully revoked";
                SetResponse(operation, "200", revoked);
                break;
            case "DeleteToken":
                SetResponse(operation, "200", new JsonObject { ["message"] = "The User token has been successfully deleted" });
                break;
            case "CreateServiceUser":
                SetRequest(operation, new JsonObject { ["name"] = "etl-bot", ["role"] = "Member", ["teams"] = new JsonArray("data") });
                break;
        }
    }

    private static JsonObject Problem(int status, string title, string detail) =>
        new() { ["type"] = $"https://tools.ietf.org/html/rfc9110", ["title"] = title, ["status"] = status, ["detail"] = detail };

    private static void SetRequest(OpenApiOperation operation, JsonNode example)
    {
        if (operation.RequestBody?.Content is { } content && content.TryGetValue("application/json", out var media))
        {
            media.Example = example;
        }
    }

    private static void SetResponse(OpenApiOperation operation, string status, JsonNode example)
    {
        if (operation.Responses is { } responses && responses.TryGetValue(status, out var response) && response.Content is { } content)
        {
            foreach (var media in content.Values)
            {
                media.Example = example.DeepClone();
            }
        }
    }
}
