using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ScimGateway.Gateway.Proxy;

/// <summary>How the gateway talks to the upstream Qualytics API, section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway";

    /// <summary>
    /// Prefix of the identity headers sent upstream. Every incoming header with this prefix is removed before
    /// forwarding (case-insensitive), so a client can never claim an identity; the gateway then adds
    /// <c>{prefix}User-Id</c>, <c>{prefix}User-Name</c>, <c>{prefix}User-Type</c>, <c>{prefix}Role</c> and
    /// <c>{prefix}Token-Id</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9-]{1,63}$", ErrorMessage = "Gateway:IdentityHeaderPrefix must be 2 to 64 letters, digits or '-', such as 'X-Gateway-'.")]
    public string IdentityHeaderPrefix { get; set; } = "X-Gateway-";

    /// <summary>
    /// The upstream's own credential, sent as the upstream <c>Authorization</c> header value (for example
    /// <c>Bearer ...</c>) when set. A secret: never logged.
    /// </summary>
    [RegularExpression(@"^[\x21-\x7E]([\x20-\x7E]*[\x21-\x7E])?$", ErrorMessage = "Gateway:UpstreamAuthorization must be visible ASCII, such as 'Bearer <token>'.")]
    public string? UpstreamAuthorization { get; set; }

    /// <summary>How <c>/healthz</c> checks that the upstream is reachable.</summary>
    [Required]
    [ValidateObjectMembers]
    public UpstreamProbeOptions UpstreamProbe { get; set; } = new();
}
