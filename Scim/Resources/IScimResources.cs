using System.Text.Json.Nodes;
using ScimGateway.Scim.Projection;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Resources;

/// <summary>
/// One resource type's operations (RFC 7644 section 3), independent of HTTP, so that the endpoints and <c>/Bulk</c>
/// share them. Failures are <see cref="Errors.ScimException"/>s.
/// </summary>
public interface IScimResources
{
    /// <summary>The resource type's schemas.</summary>
    ScimSchemaSet Schemas { get; }

    /// <summary>Reads one resource; 404 when absent.</summary>
    ScimResult Get(string id, AttributeProjection projection, ScimContext context);

    /// <summary>Lists resources (GET with query parameters, or <c>/.search</c>).</summary>
    ResourcePage Search(ResourceQuery query, ScimContext context);

    /// <summary>Creates a resource: 201, or 409 <c>uniqueness</c>.</summary>
    Task<ScimResult> CreateAsync(JsonNode? body, ScimContext context, CancellationToken cancellationToken);

    /// <summary>Replaces a resource (PUT); never creates.</summary>
    Task<ScimResult> ReplaceAsync(string id, JsonNode? body, string? ifMatch, ScimContext context, CancellationToken cancellationToken);

    /// <summary>Applies a PATCH atomically.</summary>
    Task<ScimResult> PatchAsync(string id, JsonNode? body, string? ifMatch, AttributeProjection projection, ScimContext context, CancellationToken cancellationToken);

    /// <summary>Deletes a resource: 204, then 404.</summary>
    Task<ScimResult> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken);
}
