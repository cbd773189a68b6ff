using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Patching;

/// <summary>
/// Operations whose path is a schema URN alone (<c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c>):
/// RFC 7644 section 3.10 qualifies attribute names with their schema URN, and conformance suites (scim2-tester)
/// address an extension, or the core schema, as a whole that way.
/// </summary>
internal sealed partial class ResourcePatcher
{
    /// <summary>The core schema or an extension whose URN is exactly <paramref name="text"/>, case-insensitively.</summary>
    private ScimSchema? FindSchema(string text)
    {
        var trimmed = text.Trim();
        return string.Equals(trimmed, _schemas.Core.Id, StringComparison.OrdinalIgnoreCase) ? _schemas.Core : _schemas.FindExtension(trimmed);
    }

    /// <summary>
    /// <c>add</c> merges the value's attributes into the schema's (section 3.5.2.1); <c>replace</c> of an extension
    /// makes the value the whole extension (attributes it leaves out are cleared); <c>remove</c> of an extension clears
    /// it, and its URN leaves <c>schemas</c>. The core schema cannot be removed, and its <c>replace</c> replaces only
    /// the attributes listed, as a path-less replace does (section 3.5.2.3), or <c>userName</c> would go with the rest.
    /// </summary>
    private void ApplySchema(PatchOperationType op, ScimSchema schema, JsonNode? value)
    {
        var isCore = schema == _schemas.Core;
        if (op == PatchOperationType.Remove)
        {
            if (isCore)
            {
                throw ScimException.BadRequest(ScimType.InvalidPath, $"'{schema.Id}' is the core schema and cannot be removed; remove its attributes by name.");
            }

            _resource.Remove(schema.Id);
            return;
        }

        if (value is not JsonObject)
        {
            if (!isCore && ValueCoercer.IsEmpty(value))
            {
                _resource.Remove(schema.Id); // null unassigns, as everywhere else.
                return;
            }

            throw ScimException.BadRequest(ScimType.InvalidValue, $"'{schema.Id}' takes an object of that schema's attributes.");
        }

        if (op == PatchOperationType.Replace && !isCore)
        {
            _resource.Remove(schema.Id);
        }

        ApplyPathless(op, schema, value);
    }

    /// <summary>Applies each key of <paramref name="value"/> as an attribute of <paramref name="schema"/>.</summary>
    private void ApplyPathless(PatchOperationType op, ScimSchema schema, JsonNode? value)
    {
        if (value is not JsonObject values)
        {
            if (ValueCoercer.IsEmpty(value) && op == PatchOperationType.Replace && schema != _schemas.Core)
            {
                _resource.Remove(schema.Id);
                return;
            }

            throw ScimException.BadRequest(ScimType.InvalidValue, $"'{schema.Id}' takes an object of that schema's attributes.");
        }

        // Qualified with the URN, so that each key resolves in this schema only.
        foreach (var (key, inner) in values)
        {
            ApplyPathless(op, $"{schema.Id}:{key}", inner);
        }
    }
}
