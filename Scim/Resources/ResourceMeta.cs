namespace ScimGateway.Scim.Resources;

/// <summary>The server-maintained <c>meta</c> of a resource (RFC 7643 section 3.1).</summary>
internal sealed record ResourceMeta(string ResourceType, DateTime Created, DateTime LastModified, string Location, long Version);
