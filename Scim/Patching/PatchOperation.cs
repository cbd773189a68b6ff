using System.Text.Json.Nodes;

namespace ScimGateway.Scim.Patching;

/// <summary>One PATCH operation as sent by the client.</summary>
/// <param name="Op">The operation.</param>
/// <param name="Path">The <c>path</c>, or <see langword="null"/> when omitted.</param>
/// <param name="Value">The <c>value</c>, or <see langword="null"/> when omitted or JSON null.</param>
public sealed record PatchOperation(PatchOperationType Op, string? Path, JsonNode? Value);
