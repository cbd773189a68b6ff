using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScimGateway.Scim.Users;

/// <summary>Builds a <see cref="ScimUserRecord"/> from a canonical User resource, filling its indexed fields.</summary>
public static class ScimUserRecords
{
    /// <summary>
    /// Creates the record. <paramref name="resource"/> is canonical and carries no <c>id</c>, <c>meta</c>, <c>groups</c>
    /// or <c>password</c>; it must have a <c>userName</c>.
    /// </summary>
    public static ScimUserRecord Create(string id, JsonObject resource, DateTime created, DateTime lastModified, long version)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var userName = Text(resource["userName"]) ?? throw new ArgumentException("The resource has no userName.", nameof(resource));
        var displayName = Text(resource["displayName"]);
        var emails = (resource["emails"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var primary = emails.FirstOrDefault(e => e["primary"]?.GetValueKind() == JsonValueKind.True) ?? emails.FirstOrDefault();
        return new ScimUserRecord
        {
            Id = id,
            UserName = userName,
            UserNameKey = ScimUserRecord.KeyOf(userName),
            ExternalId = Text(resource["externalId"]),
            DisplayName = displayName,
            DisplayNameKey = displayName?.ToUpperInvariant(),
            PrimaryEmail = Text(primary?["value"]),
            EmailKeys = emails.Select(e => Text(e["value"])).OfType<string>().Select(e => e.ToUpperInvariant()).Distinct().ToList(),
            Active = resource["active"]?.GetValueKind() != JsonValueKind.False,
            Roles = ((resource["roles"] as JsonArray)?.OfType<JsonObject>() ?? []).Select(r => Text(r["value"])).OfType<string>().ToList(),
            Resource = resource.ToJsonString(),
            Version = version,
            Created = created,
            LastModified = lastModified,
        };
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
