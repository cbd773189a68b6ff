using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Errors;

namespace ScimGateway.Gateway.Observability;

/// <summary>
/// Guards <c>/metrics</c>: a connection from one of <see cref="MetricsOptions.AllowedNetworks"/>, or a request
/// carrying <see cref="MetricsOptions.Credential"/> (Bearer, or Basic with it as the password), gets the metrics;
/// anything else a 403 problem. The secret is compared as SHA-256 digests in constant time, so neither its content
/// nor its length leaks through timing.
/// </summary>
internal sealed partial class MetricsAccessMiddleware(RequestDelegate next, IOptions<MetricsOptions> options, ILogger<MetricsAccessMiddleware> logger)
{
    private readonly IReadOnlyList<IPNetwork> _networks = options.Value.ParseAllowedNetworks();
    private readonly byte[]? _credentialHash = string.IsNullOrEmpty(options.Value.Credential) ? null : Hash(options.Value.Credential);

    public Task InvokeAsync(HttpContext context)
    {
        if (IsFromAllowedNetwork(context.Connection.RemoteIpAddress) || HasCredential(context.Request))
        {
            return next(context);
        }

        LogRefused(logger, context.Connection.RemoteIpAddress);
        return ErrorResponses.WriteAsync(context, StatusCodes.Status403Forbidden,
            "Metrics are served only to the networks in Metrics:AllowedNetworks or with the metrics credential.");
    }

    private bool IsFromAllowedNetwork(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in _networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasCredential(HttpRequest request)
    {
        if (_credentialHash is null || request.Headers.Authorization.Count != 1)
        {
            return false;
        }

        var header = request.Headers.Authorization.ToString();
        string? presented = null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            presented = header["Bearer ".Length..].Trim();
        }
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            presented = BasicPassword(header["Basic ".Length..].Trim());
        }

        return presented is not null && CryptographicOperations.FixedTimeEquals(Hash(presented), _credentialHash);
    }

    private static string? BasicPassword(string encoded)
    {
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : decoded[(colon + 1)..];
    }

    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    [LoggerMessage(EventId = 7010, Level = LogLevel.Information, Message = "Refused /metrics to {RemoteAddress}: not an allowed network and no metrics credential.")]
    private static partial void LogRefused(ILogger logger, IPAddress? remoteAddress);
}
