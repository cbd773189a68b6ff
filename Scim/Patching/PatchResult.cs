using System.Text.Json.Nodes;

namespace ScimGateway.Scim.Patching;

/// <summary>The outcome of <see cref="PatchEngine.Apply"/>.</summary>
/// <param name="Resource">The patched copy of the resource (the input is never modified).</param>
/// <param name="Members">Group membership changes; empty for other resource types.</param>
public sealed record PatchResult(JsonObject Resource, MemberChanges Members);
