using System.Text.Json.Nodes;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Patching;

/// <summary>
/// Applies PATCH operations (RFC 7644 section 3.5.2) to a resource in canonical JSON form.
/// </summary>
/// <remarks>
/// <para>Atomic: the operations run in order on a deep copy; the first failing operation throws a
/// <see cref="Errors.ScimException"/> and the input resource is never modified.</para>
/// <para>For Groups, operations on <c>members</c> do not touch the resource: they come back as
/// <see cref="PatchResult.Members"/> set operations, so the store never loads the member list.</para>
/// <para>Errors: <c>remove</c> without a path is <c>noTarget</c>; a malformed or unknown path is <c>invalidPath</c>;
/// changing a readOnly attribute is <c>mutability</c> (except an <c>id</c> equal to the current one, which Okta echoes
/// in group renames); a value of the wrong type is <c>invalidValue</c>. Leniencies for Entra and Okta, and what
/// <see cref="PatchOptions.StrictRfc"/> changes, are in <c>Scim/COMPAT-NOTES.md</c>.</para>
/// </remarks>
public static class PatchEngine
{
    /// <summary>Applies <paramref name="operations"/> to a copy of <paramref name="resource"/>.</summary>
    public static PatchResult Apply(
        JsonObject resource,
        IReadOnlyList<PatchOperation> operations,
        ScimSchemaSet schemas,
        PatchOptions? options = null)
    {
        var copy = resource.DeepClone().AsObject();
        var members = new MemberChanges();
        var patcher = new ResourcePatcher(copy, schemas, options ?? PatchOptions.Default, members);
        foreach (var operation in operations)
        {
            patcher.Apply(operation);
        }

        patcher.SyncExtensionSchemas();
        EnsureRequiredKept(resource, copy, schemas);
        return new PatchResult(copy, members);
    }

    /// <summary>RFC 7643 section 7: a required attribute (userName, a Group's displayName) cannot be unassigned.</summary>
    private static void EnsureRequiredKept(JsonObject before, JsonObject after, ScimSchemaSet schemas)
    {
        foreach (var attribute in schemas.Core.Attributes.Where(a => a.Required))
        {
            if (!ValueCoercer.IsEmpty(before[attribute.Name]) && ValueCoercer.IsEmpty(after[attribute.Name]))
            {
                throw ScimException.BadRequest(ScimType.InvalidValue, $"The required attribute '{attribute.Name}' cannot be removed.");
            }
        }
    }
}
