using System.ComponentModel.DataAnnotations;
using System.Net;

namespace ScimGateway.Gateway.Hosting;

/// <summary>
/// Which proxies in front of the gateway (TLS terminators, load balancers) may set <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c>, section <c>Gateway:ForwardedHeaders</c>. Empty (the default) trusts no one: the
/// headers are ignored from every address, loopback included, unlike ASP.NET's own default that trusts loopback.
/// The proxy transform can ask <see cref="IsTrustedProxy"/> the same question.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway:ForwardedHeaders";

    private IReadOnlyList<IPAddress>? _proxies;
    private IReadOnlyList<IPNetwork>? _networks;

    /// <summary>Addresses of trusted proxies, such as <c>10.0.0.5</c> or <c>::1</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, such as <c>10.0.0.0/8</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies deep to read <c>X-Forwarded-For</c> (entries taken from the right); 1 for one terminator.</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    /// <summary>True when at least one proxy or network is trusted.</summary>
    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    /// <summary>The parsed <see cref="KnownProxies"/>; call after validation.</summary>
    public IReadOnlyList<IPAddress> Proxies() => _proxies ??= [.. KnownProxies.Select(p => IPAddress.Parse(p.Trim()))];

    /// <summary>The parsed <see cref="KnownNetworks"/>; call after validation.</summary>
    public IReadOnlyList<IPNetwork> Networks() => _networks ??= [.. KnownNetworks.Select(n => IPNetwork.Parse(n.Trim()))];

    /// <summary>Whether a connection from <paramref name="address"/> may set forwarded headers.</summary>
    public bool IsTrustedProxy(IPAddress? address)
    {
        if (address is null || !IsConfigured)
        {
            return false;
        }

        var normalized = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return Proxies().Any(p => p.Equals(normalized) || p.Equals(address)) || Networks().Any(n => n.Contains(normalized));
    }

    // A CIDR whose address has host bits set (10.0.0.1/8) is most likely a typo for a single proxy: refuse it.
    private static bool IsNetwork(string? text) =>
        IPNetwork.TryParse(text?.Trim(), out var network)
        && IPAddress.TryParse(text!.Trim().Split('/')[0], out var address)
        && network.BaseAddress.Equals(address);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p?.Trim(), out _)))
        {
            yield return new ValidationResult($"{Section}:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IsNetwork(n)))
        {
            yield return new ValidationResult(
                $"{Section}:KnownNetworks: '{network}' is not a network in CIDR notation (such as 10.0.0.0/8) with no host bits set.",
                [nameof(KnownNetworks)]);
        }
    }
}
