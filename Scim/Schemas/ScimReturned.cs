namespace ScimGateway.Scim.Schemas;

/// <summary>The <c>returned</c> characteristic (RFC 7643 section 7).</summary>
public enum ScimReturned
{
    /// <summary>Returned by default, unless excluded or not requested in an <c>attributes</c> list.</summary>
    Default,

    /// <summary>Always returned, whatever <c>attributes</c>/<c>excludedAttributes</c> say.</summary>
    Always,

    /// <summary>Never returned.</summary>
    Never,

    /// <summary>Returned only when named in <c>attributes</c>.</summary>
    Request,
}
