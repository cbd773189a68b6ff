using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Projection;
using ScimGateway.Scim.Resources;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Bulk;

/// <summary>
/// <c>/Bulk</c> (RFC 7644 section 3.7): POST, PUT, PATCH and DELETE of Users and Groups in one request, each through
/// the same code as its own endpoint. <c>bulkId:x</c> in a path or in any string of <c>data</c> becomes the id the
/// operation with <c>bulkId</c> x created; an operation waits for the one it refers to, whatever their order, and a
/// reference that cannot be resolved (unknown, failed or circular) is 409. <c>failOnErrors</c> stops after that many errors.
/// </summary>
public sealed class ScimBulk(ScimUsers users, ScimGroups groups, IOptions<ScimOptions> options)
{
    private const string Prefix = "bulkId:";

    /// <summary>Runs a bulk request body and returns the <c>BulkResponse</c>.</summary>
    public async Task<JsonObject> ProcessAsync(JsonNode body, ScimContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (body is not JsonObject root || Property(root, "Operations") is not JsonArray operations)
        {
            throw ScimException.BadRequest(ScimType.InvalidSyntax, "The bulk body must be an object with an 'Operations' array.");
        }

        if (operations.Count > settings.BulkMaxOperations)
        {
            throw new ScimException(HttpStatusCode.RequestEntityTooLarge, null,
                $"The bulk request has {operations.Count} operations; the maximum is {settings.BulkMaxOperations}.");
        }

        var failOnErrors = FailOnErrors(root);
        var declared = operations.OfType<JsonObject>().Select(o => Text(o, "bulkId")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var created = new Dictionary<string, string>(StringComparer.Ordinal);
        var results = new JsonObject?[operations.Count];
        var pending = Enumerable.Range(0, operations.Count).ToList();
        var errors = 0;
        var progress = true;
        while (pending.Count > 0 && progress && (failOnErrors is null || errors < failOnErrors))
        {
            progress = false;
            foreach (var index in pending.ToList())
            {
                if (failOnErrors is not null && errors >= failOnErrors)
                {
                    break;
                }

                var operation = operations[index] as JsonObject;
                if (operation is not null && WaitsFor(operation, created, declared))
                {
                    continue;
                }

                var result = await RunAsync(operation, created, context, cancellationToken);
                results[index] = result;
                pending.Remove(index);
                progress = true;
                if (int.Parse(result["status"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= 400)
                {
                    errors++;
                }
            }
        }

        if (failOnErrors is null || errors < failOnErrors)
        {
            foreach (var index in pending)
            {
                var operation = (JsonObject)operations[index]!;
                results[index] = Failure(operation, new ScimError(HttpStatusCode.Conflict, ScimType.InvalidValue,
                    "The operation refers to a bulkId that no other operation creates (or the references are circular)."));
            }
        }

        return new JsonObject
        {
            ["schemas"] = new JsonArray(ScimUrns.BulkResponse),
            ["Operations"] = new JsonArray([.. results.OfType<JsonObject>()]),
        };
    }

    private async Task<JsonObject> RunAsync(JsonObject? operation, Dictionary<string, string> created, ScimContext context, CancellationToken cancellationToken)
    {
        if (operation is null)
        {
            return Failure(new JsonObject(), new ScimError(HttpStatusCode.BadRequest, ScimType.InvalidSyntax, "Each bulk operation must be an object."));
        }

        try
        {
            var method = Text(operation, "method")?.ToUpperInvariant();
            var bulkId = Text(operation, "bulkId");
            var path = Resolve(JsonValue.Create(Text(operation, "path") ?? ""), created)!.GetValue<string>();
            var data = Resolve(Property(operation, "data"), created);
            var version = Text(operation, "version");
            var (resources, id) = Target(path);
            var result = (method, id) switch
            {
                ("POST", null) => await resources.CreateAsync(data, context, cancellationToken),
                ("PUT", not null) => await resources.ReplaceAsync(id, data, version, context, cancellationToken),
                ("PATCH", not null) => await resources.PatchAsync(id, data, version, AttributeProjection.Parse(null, null, resources.Schemas), context, cancellationToken),
                ("DELETE", not null) => await resources.DeleteAsync(id, version, cancellationToken),
                _ => throw ScimException.BadRequest(ScimType.InvalidSyntax,
                    $"'{method} {path}' is not a bulk operation: use POST on /Users or /Groups, or PUT, PATCH or DELETE on /Users/{{id}} or /Groups/{{id}}."),
            };
            if (bulkId is not null && method == "POST" && result.Body?["id"] is JsonValue newId)
            {
                created[bulkId] = newId.GetValue<string>();
            }

            var response = Echo(operation);
            if (result.Location is not null || id is not null)
            {
                response["location"] = result.Location ?? $"{context.BaseUrl}{path}";
            }

            if (result.ETag is not null)
            {
                response["version"] = result.ETag;
            }

            response["status"] = result.Status.ToString(CultureInfo.InvariantCulture);
            return response;
        }
        catch (ScimException ex)
        {
            return Failure(operation, ex.Error);
        }
    }

    private (IScimResources Resources, string? Id) Target(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        IScimResources? resources = segments.Length is 1 or 2 ? segments[0].ToUpperInvariant() switch
        {
            "USERS" => users,
            "GROUPS" => groups,
            _ => null,
        } : null;
        return resources is null
            ? throw ScimException.BadRequest(ScimType.InvalidPath, $"'{path}' is not /Users, /Groups or one of their resources.")
            : (resources, segments.Length == 2 ? Uri.UnescapeDataString(segments[1]) : null);
    }

    /// <summary>Whether the operation refers to a bulkId that another, not yet run, operation declares.</summary>
    private static bool WaitsFor(JsonObject operation, Dictionary<string, string> created, HashSet<string> declared) =>
        References(operation).Any(r => !created.ContainsKey(r) && declared.Contains(r) && r != Text(operation, "bulkId"));

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject obj => obj.Where(p => p.Key != "bulkId").SelectMany(p => References(p.Value)),
        JsonArray array => array.SelectMany(References),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().StartsWith(Prefix, StringComparison.Ordinal) =>
            [v.GetValue<string>()[Prefix.Length..]],
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Contains('/' + Prefix, StringComparison.Ordinal) =>
            [v.GetValue<string>()[(v.GetValue<string>().IndexOf('/' + Prefix, StringComparison.Ordinal) + 1 + Prefix.Length)..].Split('/')[0]],
        _ => [],
    };

    private static JsonNode? Resolve(JsonNode? node, Dictionary<string, string> created)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Resolve(value, created);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(i => Resolve(i, created))]);
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var text = v.GetValue<string>();
                foreach (var reference in References(v))
                {
                    if (!created.TryGetValue(reference, out var id))
                    {
                        throw new ScimException(HttpStatusCode.Conflict, ScimType.InvalidValue, $"bulkId '{reference}' was not created by this request.");
                    }

                    text = text.Replace(Prefix + reference, id, StringComparison.Ordinal);
                }

                return JsonValue.Create(text);
            default:
                return node?.DeepClone();
        }
    }

    private static JsonObject Failure(JsonObject operation, ScimError error)
    {
        var response = Echo(operation);
        response["status"] = ((int)error.Status).ToString(CultureInfo.InvariantCulture);
        response["response"] = error.ToJson();
        return response;
    }

    private static JsonObject Echo(JsonObject operation)
    {
        var response = new JsonObject { ["method"] = Text(operation, "method") };
        if (Text(operation, "bulkId") is { } bulkId)
        {
            response["bulkId"] = bulkId;
        }

        return response;
    }

    private static int? FailOnErrors(JsonObject root)
    {
        var node = Property(root, "failOnErrors");
        if (node is null || node.GetValueKind() == JsonValueKind.Null)
        {
            return null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var n)
            && n >= 1 && n == decimal.Truncate(n) && n <= int.MaxValue
            ? (int)n
            : throw ScimException.BadRequest(ScimType.InvalidValue, "failOnErrors must be a positive integer.");
    }

    private static JsonNode? Property(JsonObject obj, string name) =>
        obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonObject obj, string name) =>
        Property(obj, name) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
