namespace ScimGateway.Gateway.Hosting;

/// <summary>Start-up warnings about hosting settings left at their defaults.</summary>
internal static partial class HostingLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning, Message = "Gateway:PublicBaseUrl is not set: absolute URLs (SCIM meta.location, Location) use the listen address {Origin}. Set it to the address clients use, such as https://gateway.example.com.")]
    public static partial void PublicBaseUrlNotSet(ILogger logger, string origin);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Forwarded headers are trusted from {ProxyCount} proxies and {NetworkCount} networks (forward limit {ForwardLimit}).")]
    public static partial void ForwardedHeadersTrusted(ILogger logger, int proxyCount, int networkCount, int forwardLimit);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "DataProtection:Certificate is not set: the data-protection keys in {KeyLocation} (they protect sign-in sessions and antiforgery tokens) are stored unencrypted and protected only by {Protection}.")]
    public static partial void KeysUnencrypted(ILogger logger, string keyLocation, string protection);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Data-protection keys are encrypted at rest with the certificate {Thumbprint}.")]
    public static partial void KeysEncrypted(ILogger logger, string thumbprint);
}
