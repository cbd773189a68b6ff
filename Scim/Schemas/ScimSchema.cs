namespace ScimGateway.Scim.Schemas;

/// <summary>A schema (RFC 7643 section 7): its URN, name, description and attributes.</summary>
/// <param name="Id">The schema URN.</param>
/// <param name="Name">The human-readable name.</param>
/// <param name="Description">The description.</param>
/// <param name="Attributes">The attributes, in definition order.</param>
public sealed record ScimSchema(string Id, string Name, string Description, IReadOnlyList<ScimAttribute> Attributes)
{
    /// <summary>Finds a top-level attribute by name, case-insensitively.</summary>
    public ScimAttribute? FindAttribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }
}
