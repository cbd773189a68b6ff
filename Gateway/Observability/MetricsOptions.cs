using System.ComponentModel.DataAnnotations;

namespace ScimGateway.Gateway.Observability;

/// <summary>The gateway's metrics and who may read them at <c>/metrics</c>, section <c>Metrics</c>.</summary>
public sealed class MetricsOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Metrics";

    /// <summary>The Prometheus scrape path.</summary>

    /// <summary>
    /// Collect metrics and serve <c>/metrics</c> (and send them over OTLP when configured). When false no instrument
    /// has a listener and <c>/metrics</c> is not mapped.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Also collect ASP.NET Core's and HttpClient's own instruments (request durations, connections, upstream calls).
    /// False leaves only the gateway's own meters (no request durations), the cheapest setting for the proxy path.
    /// </summary>
    public bool Framework { get; set; } = true;

    /// <summary>
    /// Networks (CIDR, such as <c>10.0.0.0/8</c> or <c>::1/128</c>, separated by commas or spaces) whose connections
    /// may read <c>/metrics</c> without a credential. Compared with the connection's remote address. Default: loopback
    /// only. Empty: no network, only the credential. (One string rather than a list: a bound list would add to the
    /// default instead of replacing it.)
    /// </summary>
    public string AllowedNetworks { get; set; } = "127.0.0.0/8, ::1/128";

    /// <summary>The parsed <see cref="AllowedNetworks"/>; call after validation.</summary>
    public IReadOnlyList<System.Net.IPNetwork> ParseAllowedNetworks() => [.. Split(AllowedNetworks).Select(n => System.Net.IPNetwork.Parse(n))];

    private static string[] Split(string? networks) =>
        (networks ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// A secret that opens <c>/metrics</c> from any network, sent as <c>Authorization: Bearer SECRET</c> or as the
    /// password of HTTP Basic (any user name). Compared in constant time; never logged. Empty: no credential.
    /// </summary>
    public string? Credential { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var network in Split(AllowedNetworks))
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
            {
                yield return new ValidationResult(
                    $"Metrics:AllowedNetworks has '{network}', which is not a network in CIDR form such as 10.0.0.0/8 or ::1/128.",
                    [nameof(AllowedNetworks)]);
            }
        }

        if (Credential is { Length: > 0 and < 16 })
        {
            yield return new ValidationResult("Metrics:Credential must be at least 16 characters long.", [nameof(Credential)]);
        }
    }
}
