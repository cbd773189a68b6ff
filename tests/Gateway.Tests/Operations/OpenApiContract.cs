using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ScimGateway.Gateway.Tests.Operations;

/// <summary>The gateway's OpenAPI document, and checks of real responses against it.</summary>
public sealed class OpenApiContract(JsonObject document)
{
    public JsonObject Document => document;

    public static async Task<OpenApiContract> LoadAsync(HttpClient client)
    {
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new OpenApiContract(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    public JsonObject? Operation(string template, string method) =>
        document["paths"]?[template]?[method.ToLowerInvariant()]?.AsObject();

    /// <summary>
    /// Asserts that the operation documents the response's status and media type, and that the body validates
    /// against the documented schema (OpenAPI 3.1 schemas are JSON Schema 2020-12).
    /// </summary>
    public async Task AssertDocumentsAsync(string method, string template, HttpResponseMessage response)
    {
        var operation = Operation(template, method);
        Assert.True(operation is not null, $"{method} {template} is not in the document.");
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var documented = operation!["responses"]?[status];
        Assert.True(documented is not null, $"{method} {template} answered {status}, which the document does not list.");

        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (string.IsNullOrEmpty(body))
        {
            return;
        }

        var schemaNode = documented!["content"]?[mediaType!]?["schema"];
        Assert.True(schemaNode is not null, $"{method} {template} {status} answered {mediaType}, which the document does not describe.");
        var schema = BuildSchema(schemaNode!);
        using var instance = JsonDocument.Parse(body);
        var result = schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, $"{method} {template} {status}: the body does not match the documented schema: "
            + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")))
            + $"\nBody: {body}");
    }

    private JsonSchema BuildSchema(JsonNode schema)
    {
        // A standalone 2020-12 schema: the response schema with the document's components as $defs.
        var standalone = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        RewriteReferences(standalone);
        return JsonSchema.FromText(standalone.ToJsonString(), new BuildOptions(), new Uri($"https://schemas.test/{Guid.NewGuid():N}"));
    }

    private static void RewriteReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith("#/components/schemas/", StringComparison.Ordinal))
                {
                    obj["$ref"] = "#/$defs/" + target["#/components/schemas/".Length..];
                }

                foreach (var (_, child) in obj.ToList())
                {
                    RewriteReferences(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteReferences(child);
                }

                break;
        }
    }
}
