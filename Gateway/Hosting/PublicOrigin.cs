using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ScimGateway.Scim.Resources;

namespace ScimGateway.Gateway.Hosting;

/// <summary>
/// The origin absolute URLs start with: <c>Gateway:PublicBaseUrl</c> when set, else the server's first listen address
/// (a wildcard host such as <c>+</c>, <c>*</c>, <c>0.0.0.0</c> or <c>[::]</c> read as <c>localhost</c>), else
/// <c>http://localhost</c>. Never the request's <c>Host</c> header, which any client can forge.
/// </summary>
internal sealed class PublicOrigin(IOptions<PublicUrlSettings> settings, IServer server) : IScimPublicOrigin
{
    private string? _origin;

    public string Origin => _origin ?? Resolve();

    private string Resolve()
    {
        if (settings.Value.Parsed() is { } configured)
        {
            return _origin = configured.GetLeftPart(UriPartial.Path).TrimEnd('/');
        }

        // Listen addresses are known once the server has started; until then, do not cache the fallback.
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return "http://localhost";
        }

        return _origin = FromListenAddress(address);
    }

    private static string FromListenAddress(string address)
    {
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return "http://localhost";
        }

        var scheme = address[..schemeEnd];
        var rest = address[(schemeEnd + 3)..].TrimEnd('/');
        var portStart = rest.LastIndexOf(':');
        var host = portStart > 0 && !rest.EndsWith(']') ? rest[..portStart] : rest;
        var port = portStart > 0 && !rest.EndsWith(']') ? rest[portStart..] : "";
        if (host is "+" or "*" or "0.0.0.0" or "[::]" or "")
        {
            host = "localhost";
        }

        return $"{scheme}://{host}{port}";
    }
}
