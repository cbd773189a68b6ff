namespace ScimGateway.Scim.Resources;

/// <summary>
/// Where absolute SCIM URLs (<c>meta.location</c>, <c>Location</c>, <c>$ref</c>) start: the host registers one from
/// its configured public address, so that a forged <c>Host</c> header never shows up in them. Without one, the
/// request's scheme, host and path base are used.
/// </summary>
public interface IScimPublicOrigin
{
    /// <summary>Scheme, host, port and optional path, without a trailing slash, such as <c>https://gateway.example.com</c>.</summary>
    string Origin { get; }
}
