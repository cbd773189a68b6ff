using Microsoft.Extensions.Options;

namespace ScimGateway.Gateway.Proxy;

/// <summary>The identity header names, built once from <see cref="GatewayOptions.IdentityHeaderPrefix"/>.</summary>
internal sealed class IdentityHeaders(IOptions<GatewayOptions> options)
{
    public string Prefix { get; } = options.Value.IdentityHeaderPrefix;

    public string UserId { get; } = options.Value.IdentityHeaderPrefix + "User-Id";

    public string UserName { get; } = options.Value.IdentityHeaderPrefix + "User-Name";

    public string UserType { get; } = options.Value.IdentityHeaderPrefix + "User-Type";

    public string Role { get; } = options.Value.IdentityHeaderPrefix + "Role";

    public string TokenId { get; } = options.Value.IdentityHeaderPrefix + "Token-Id";

    public string? UpstreamAuthorization { get; } = string.IsNullOrEmpty(options.Value.UpstreamAuthorization) ? null : options.Value.UpstreamAuthorization;
}
