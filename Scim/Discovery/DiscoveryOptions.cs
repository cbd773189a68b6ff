namespace ScimGateway.Scim.Discovery;

/// <summary>The limits a server advertises in <c>/ServiceProviderConfig</c> (RFC 7643 section 5).</summary>
public sealed record DiscoveryOptions
{
    /// <summary>Maximum operations in one bulk request.</summary>
    public int BulkMaxOperations { get; init; } = 1000;

    /// <summary>Maximum bulk payload in bytes.</summary>
    public int BulkMaxPayloadSize { get; init; } = 1_048_576;

    /// <summary>Maximum resources one query returns (<c>count</c> is capped to it).</summary>
    public int FilterMaxResults { get; init; } = 200;

    /// <summary>Optional help URI for administrators.</summary>
    public Uri? DocumentationUri { get; init; }
}
