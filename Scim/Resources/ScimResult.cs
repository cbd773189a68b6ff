using System.Text.Json.Nodes;

namespace ScimGateway.Scim.Resources;

/// <summary>The outcome of a resource operation, independent of HTTP (the endpoints and <c>/Bulk</c> both use it).</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The response body, or <see langword="null"/> (204).</param>
/// <param name="Location">The resource's absolute URL, or <see langword="null"/>.</param>
/// <param name="ETag">The weak ETag (<c>W/"3"</c>), or <see langword="null"/>.</param>
public sealed record ScimResult(int Status, JsonObject? Body, string? Location = null, string? ETag = null);
