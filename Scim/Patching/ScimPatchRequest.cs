using System.Text.Json;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Patching;

/// <summary>A PATCH request body (RFC 7644 section 3.5.2).</summary>
/// <param name="Operations">The operations, in order; may be empty (Entra's validator sends that, a success no-op).</param>
public sealed record ScimPatchRequest(IReadOnlyList<PatchOperation> Operations)
{
    /// <summary>
    /// Reads a body. Property names are case-insensitive (RFC 7643 section 2.1; Entra sends <c>"Operations"</c>,
    /// others <c>"operations"</c>). Malformed bodies are 400 <see cref="ScimType.InvalidSyntax"/>.
    /// </summary>
    public static ScimPatchRequest Parse(JsonNode? body, PatchOptions? options = null)
    {
        options ??= PatchOptions.Default;
        if (body is not JsonObject root)
        {
            throw Syntax("The PATCH body must be a JSON object.");
        }

        var schemas = Property(root, "schemas");
        if (schemas is JsonArray list)
        {
            if (!list.Any(s => s?.GetValueKind() == JsonValueKind.String
                && string.Equals(s.GetValue<string>(), ScimUrns.PatchOp, StringComparison.OrdinalIgnoreCase)))
            {
                throw Syntax($"The PATCH body's schemas must contain '{ScimUrns.PatchOp}'.");
            }
        }
        else if (schemas is not null || options.StrictRfc)
        {
            throw Syntax($"The PATCH body must have schemas [\"{ScimUrns.PatchOp}\"].");
        }

        if (Property(root, "Operations") is not JsonArray operations)
        {
            throw Syntax("The PATCH body must have an 'Operations' array.");
        }

        if (operations.Count > options.MaxOperations)
        {
            // Each operation may parse a path and walk a value; the count bounds the work of one request.
            throw ScimException.BadRequest(ScimType.InvalidValue,
                $"The PATCH request has {operations.Count} operations; the limit is {options.MaxOperations} (Scim:MaxPatchOperations).");
        }

        var result = new List<PatchOperation>(operations.Count);
        foreach (var item in operations)
        {
            result.Add(ReadOperation(item, options, result.Count));
        }

        return new ScimPatchRequest(result);
    }

    private static PatchOperation ReadOperation(JsonNode? item, PatchOptions options, int index)
    {
        if (item is not JsonObject operation)
        {
            throw Syntax($"Operation {index + 1} must be a JSON object.");
        }

        var opNode = Property(operation, "op");
        var op = opNode?.GetValueKind() == JsonValueKind.String ? opNode.GetValue<string>() : null;
        PatchOperationType? type = op?.ToLowerInvariant() switch
        {
            "add" => PatchOperationType.Add,
            "remove" => PatchOperationType.Remove,
            "replace" => PatchOperationType.Replace,
            _ => null,
        };
        if (type is null || (options.StrictRfc && op != op!.ToLowerInvariant()))
        {
            // Entra (without aadOptscim062020) sends "Add", "Replace", "Remove"; RFC 7644 spells them lowercase.
            throw Syntax($"Operation {index + 1} has an unknown op '{op}'; expected add, remove or replace.");
        }

        var pathNode = Property(operation, "path");
        string? path = null;
        if (pathNode is not null)
        {
            if (pathNode.GetValueKind() != JsonValueKind.String)
            {
                throw ScimException.BadRequest(ScimType.InvalidPath, $"Operation {index + 1} has a path that is not a string.");
            }

            path = pathNode.GetValue<string>();
            path = string.IsNullOrWhiteSpace(path) ? null : path;
        }

        return new PatchOperation(type.Value, path, Property(operation, "value"));
    }

    private static JsonNode? Property(JsonObject obj, string name)
    {
        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static ScimException Syntax(string detail) => ScimException.BadRequest(ScimType.InvalidSyntax, detail);
}
