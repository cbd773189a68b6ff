using System.Text.Json;
using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Filtering;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Patching;

/// <summary>Applies operations to one (already copied) resource; see <see cref="PatchEngine"/>.</summary>
internal sealed partial class ResourcePatcher
{
    private readonly JsonObject _resource;
    private readonly ScimSchemaSet _schemas;
    private readonly PatchOptions _options;
    private readonly MemberChanges _members;

    public ResourcePatcher(JsonObject resource, ScimSchemaSet schemas, PatchOptions options, MemberChanges members)
    {
        _resource = resource;
        _schemas = schemas;
        _options = options;
        _members = members;
    }

    public void Apply(PatchOperation operation)
    {
        if (operation.Path is not null)
        {
            if (FindSchema(operation.Path) is { } schema)
            {
                ApplySchema(operation.Op, schema, operation.Value);
                return;
            }

            ApplyPath(operation.Op, FilterParser.ParsePath(operation.Path, _options.Limits), operation.Value, pathless: false);
            return;
        }

        if (operation.Op == PatchOperationType.Remove)
        {
            // RFC 7644 section 3.5.2.2.
            throw ScimException.BadRequest(ScimType.NoTarget, "A remove operation needs a path.");
        }

        if (operation.Value is not JsonObject values)
        {
            throw ScimException.BadRequest(ScimType.InvalidSyntax, $"An {Name(operation.Op)} operation without a path needs an object value.");
        }

        foreach (var (key, value) in values)
        {
            ApplyPathless(operation.Op, key, value);
        }
    }

    /// <summary>Lists extension URNs in <c>schemas</c> exactly when the resource has data under them.</summary>
    public void SyncExtensionSchemas()
    {
        foreach (var extension in _schemas.Extensions)
        {
            var present = _resource[extension.Id] is JsonObject { Count: > 0 };
            if (!present)
            {
                _resource.Remove(extension.Id);
            }

            if (_resource["schemas"] is not JsonArray list)
            {
                continue;
            }

            var listed = list.FirstOrDefault(s => s?.GetValueKind() == JsonValueKind.String && s.GetValue<string>() == extension.Id);
            if (present && listed is null)
            {
                list.Add(extension.Id);
            }
            else if (!present && listed is not null)
            {
                list.Remove(listed);
            }
        }
    }

    private void ApplyPathless(PatchOperationType op, string key, JsonNode? value)
    {
        if (string.Equals(key, "schemas", StringComparison.OrdinalIgnoreCase))
        {
            return; // The server maintains schemas.
        }

        if (FindSchema(key) is { } schema)
        {
            // {"urn:...:enterprise:2.0:User": {"department": "x"}}: the listed attributes of that schema.
            ApplyPathless(op, schema, value);
            return;
        }

        PatchPath path;
        try
        {
            // Entra (with aadOptscim062020) sends dotted and URN-qualified keys: "name.givenName", "urn:...:User:employeeNumber".
            path = FilterParser.ParsePath(key, _options.Limits);
        }
        catch (ScimException) when (!_options.StrictRfc)
        {
            return;
        }

        if (path.Filter is not null)
        {
            throw ScimException.BadRequest(ScimType.InvalidPath, $"'{key}': attribute names in a value cannot carry filters.");
        }

        ApplyPath(op, path, value, pathless: true);
    }

    private void ApplyPath(PatchOperationType op, PatchPath path, JsonNode? value, bool pathless)
    {
        var resolved = _schemas.Resolve(path.Attribute);
        if (resolved is null)
        {
            if (pathless && !_options.StrictRfc)
            {
                return; // Unknown attributes in a value are ignored, as on PUT.
            }

            throw ScimException.BadRequest(ScimType.InvalidPath, $"The attribute '{path.Attribute}' is not defined for {_schemas.ResourceType} resources.");
        }

        var attribute = resolved.Attribute;
        ScimAttribute? filteredSub = null;
        if (path.Filter is not null)
        {
            if (!attribute.IsComplex || !attribute.MultiValued)
            {
                throw ScimException.BadRequest(ScimType.InvalidPath, $"'{path}': only multi-valued complex attributes take a value filter.");
            }

            if (path.FilteredSubAttribute is not null)
            {
                filteredSub = attribute.FindSubAttribute(path.FilteredSubAttribute)
                    ?? throw ScimException.BadRequest(ScimType.InvalidPath, $"'{path.FilteredSubAttribute}' is not a sub-attribute of '{attribute.Name}'.");
            }
        }

        if (_schemas.IsGroup && resolved.ExtensionUrn is null && attribute.Name == "members")
        {
            MemberPatcher.Apply(op, path, attribute, value, _members, _options);
            return;
        }

        if (IsIgnoredReadOnlyWrite(op, resolved, filteredSub, value))
        {
            return;
        }

        if (path.Filter is not null)
        {
            ApplyToValues(op, resolved, FilterBinder.BindInner(path.Filter, attribute, ScimType.InvalidPath), filteredSub, value);
        }
        else if (resolved.SubAttribute is not null && attribute.MultiValued)
        {
            // emails.value without a filter addresses every value.
            ApplyToValues(op, resolved, null, resolved.SubAttribute, value);
        }
        else if (resolved.SubAttribute is not null)
        {
            ApplySubAttribute(op, resolved, value);
        }
        else
        {
            ApplyAttribute(op, resolved, value);
        }
    }

    /// <summary>
    /// Mutability (RFC 7643 section 7): readOnly attributes cannot change. Returns true for writes that are dropped:
    /// an <c>id</c> equal to the current id (Okta echoes it in group renames) and, leniently, <c>meta</c>.
    /// </summary>
    private bool IsIgnoredReadOnlyWrite(PatchOperationType op, ResolvedAttribute resolved, ScimAttribute? filteredSub, JsonNode? value)
    {
        var attribute = resolved.Attribute;
        var leaf = filteredSub ?? resolved.SubAttribute ?? attribute;
        if (ReferenceEquals(attribute, CommonAttributes.Id))
        {
            if (op != PatchOperationType.Remove && value?.GetValueKind() == JsonValueKind.String
                && _resource["id"]?.GetValueKind() == JsonValueKind.String
                && value.GetValue<string>() == _resource["id"]!.GetValue<string>())
            {
                return true;
            }

            throw ScimException.BadRequest(ScimType.Mutability, "The attribute 'id' is readOnly and cannot be changed.");
        }

        if (ReferenceEquals(attribute, CommonAttributes.Meta) && !_options.StrictRfc)
        {
            return true; // Clients echo meta; SCIM-COMPAT.md: meta in requests is ignored.
        }

        if (attribute.Mutability == ScimMutability.ReadOnly || leaf.Mutability == ScimMutability.ReadOnly)
        {
            throw ScimException.BadRequest(ScimType.Mutability, $"The attribute '{resolved.CanonicalPath}' is readOnly and cannot be changed.");
        }

        if (attribute.Mutability == ScimMutability.Immutable && !ValueCoercer.IsEmpty(resolved.Value(_resource)))
        {
            throw ScimException.BadRequest(ScimType.Mutability, $"The attribute '{resolved.CanonicalPath}' is immutable and already has a value.");
        }

        return false;
    }

    private void ApplyAttribute(PatchOperationType op, ResolvedAttribute resolved, JsonNode? value)
    {
        var attribute = resolved.Attribute;
        if (op == PatchOperationType.Remove)
        {
            if (!ValueCoercer.IsEmpty(value) && attribute.MultiValued)
            {
                RemoveListedValues(resolved, value);
                return;
            }

            resolved.Container(_resource)?.Remove(attribute.Name);
            return;
        }

        var coerced = ValueCoercer.Attribute(attribute, value, _options);
        if (coerced is null)
        {
            resolved.Container(_resource)?.Remove(attribute.Name); // null or "" unassigns (Entra).
            return;
        }

        var container = resolved.Container(_resource, create: true)!;
        if (attribute.MultiValued)
        {
            if (op == PatchOperationType.Add && container[attribute.Name] is JsonArray existing)
            {
                MultiValues.Add(attribute, existing, (JsonArray)coerced);
            }
            else
            {
                // replace: the new set, still without duplicate values.
                var fresh = new JsonArray();
                MultiValues.Add(attribute, fresh, (JsonArray)coerced);
                container[attribute.Name] = fresh;
            }
        }
        else if (attribute.IsComplex && container[attribute.Name] is JsonObject current)
        {
            // RFC 7644 sections 3.5.2.1 and 3.5.2.3: sub-attributes not in the value are left unchanged.
            MultiValues.Merge(current, (JsonObject)coerced);
            if (current.Count == 0)
            {
                container.Remove(attribute.Name);
            }
        }
        else
        {
            container[attribute.Name] = coerced is JsonObject obj ? MultiValues.WithoutNulls(obj) : coerced;
        }
    }

    private void RemoveListedValues(ResolvedAttribute resolved, JsonNode? value)
    {
        if (_options.StrictRfc)
        {
            throw ScimException.BadRequest(ScimType.InvalidValue,
                $"RFC 7644 remove takes no value; select values of '{resolved.Attribute.Name}' with a filter.");
        }

        // Entra-style remove with a value list: remove those values only, never all.
        var container = resolved.Container(_resource);
        if (container?[resolved.Attribute.Name] is JsonArray existing
            && ValueCoercer.Attribute(resolved.Attribute, value, _options) is JsonArray listed)
        {
            MultiValues.RemoveMatching(resolved.Attribute, existing, listed);
            if (existing.Count == 0)
            {
                container.Remove(resolved.Attribute.Name);
            }
        }
    }

    private void ApplySubAttribute(PatchOperationType op, ResolvedAttribute resolved, JsonNode? value)
    {
        var attribute = resolved.Attribute;
        var sub = resolved.SubAttribute!;
        var coerced = op == PatchOperationType.Remove || ValueCoercer.IsEmpty(value) ? null : ValueCoercer.Scalar(sub, value!, _options);
        if (coerced is null)
        {
            if (resolved.Container(_resource)?[attribute.Name] is JsonObject current)
            {
                current.Remove(sub.Name);
                if (current.Count == 0)
                {
                    resolved.Container(_resource)!.Remove(attribute.Name);
                }
            }

            return;
        }

        var container = resolved.Container(_resource, create: true)!;
        if (container[attribute.Name] is not JsonObject target)
        {
            target = [];
            container[attribute.Name] = target;
        }

        target[sub.Name] = coerced;
    }

    private void ApplyToValues(PatchOperationType op, ResolvedAttribute resolved, FilterNode? filter, ScimAttribute? sub, JsonNode? value)
    {
        var attribute = resolved.Attribute;
        var container = resolved.Container(_resource);
        var values = container?[attribute.Name] as JsonArray;
        var matches = values?.OfType<JsonObject>()
            .Where(v => filter is null || FilterEvaluator.MatchesValue(filter, v, attribute))
            .ToList() ?? [];

        if (op == PatchOperationType.Remove)
        {
            // RFC 7644 section 3.5.2.2: remove the matching values (or their sub-attribute); nothing matched is no change.
            foreach (var match in matches)
            {
                if (sub is null)
                {
                    values!.Remove(match);
                }
                else
                {
                    match.Remove(sub.Name);
                }
            }

            if (values is { Count: 0 })
            {
                container!.Remove(attribute.Name);
            }

            return;
        }

        if (!_options.StrictRfc && sub is null && value is JsonArray { Count: 1 } wrapped)
        {
            value = wrapped[0];
        }

        JsonNode? coerced = ValueCoercer.IsEmpty(value) ? null
            : sub is null ? ValueCoercer.Single(attribute, value!, _options)
            : ValueCoercer.Scalar(sub, value!, _options);

        if (matches.Count == 0)
        {
            if (coerced is null)
            {
                return;
            }

            matches.Add(CreateValue(resolved, filter));
        }

        foreach (var match in matches)
        {
            if (sub is not null)
            {
                if (coerced is null)
                {
                    match.Remove(sub.Name);
                }
                else
                {
                    match[sub.Name] = coerced.DeepClone();
                }
            }
            else if (coerced is null)
            {
                values!.Remove(match); // replace with null clears the selected values
            }
            else
            {
                if (op == PatchOperationType.Replace)
                {
                    // RFC 7644 section 3.5.2.3: matching values are replaced.
                    match.Clear();
                }

                MultiValues.Merge(match, (JsonObject)coerced.DeepClone());
            }

            if (match.Parent is JsonArray parent)
            {
                MultiValues.ApplyPrimary(parent, match);
            }
        }

        if (resolved.Container(_resource)?[attribute.Name] is JsonArray { Count: 0 })
        {
            resolved.Container(_resource)!.Remove(attribute.Name);
        }
    }

    /// <summary>
    /// Entra replaces <c>emails[type eq "work"].value</c> on users without a work email and expects it created; the
    /// new value takes the filter's <c>eq</c> terms. Strict RFC 7644 section 3.5.2.3 answers <c>noTarget</c> instead.
    /// </summary>
    private JsonObject CreateValue(ResolvedAttribute resolved, FilterNode? filter)
    {
        var attribute = resolved.Attribute;
        var seed = new JsonObject();
        if (_options.StrictRfc || (filter is not null && !TrySeed(filter, attribute, seed)))
        {
            throw ScimException.BadRequest(ScimType.NoTarget, $"No value of '{attribute.Name}' matches the filter of the path.");
        }

        var container = resolved.Container(_resource, create: true)!;
        if (container[attribute.Name] is not JsonArray values)
        {
            values = [];
            container[attribute.Name] = values;
        }

        values.Add(seed);
        return seed;
    }

    private static bool TrySeed(FilterNode filter, ScimAttribute attribute, JsonObject seed)
    {
        switch (filter)
        {
            case LogicalFilter { Operator: LogicalOperator.And } and:
                return LogicalChain.Operands(and).TrueForAll(o => TrySeed(o, attribute, seed));
            case ComparisonFilter { Operator: ComparisonOperator.Eq } eq when eq.Value.Kind != FilterValueKind.Null
                && attribute.FindSubAttribute(eq.Path.Name) is { } sub:
                seed[sub.Name] = sub.Type switch
                {
                    ScimAttributeType.Boolean when eq.Value.Kind == FilterValueKind.Boolean => JsonValue.Create(eq.Value.Boolean),
                    ScimAttributeType.Integer or ScimAttributeType.Decimal when eq.Value.Kind == FilterValueKind.Number => JsonValue.Create(eq.Value.Number),
                    _ => JsonValue.Create(eq.Value.AsText()),
                };
                return true;
            default:
                return false;
        }
    }

    private static string Name(PatchOperationType op) => op.ToString().ToLowerInvariant();
}
