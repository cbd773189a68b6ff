namespace ScimGateway.Gateway.Observability;

/// <summary>
/// The per-request log of proxied calls, event ids 7000-7009, in its own category so that operators turn it on
/// alone (<c>Logging:LogLevel:ScimGateway.ProxyRequests=Information</c>; the shipped setting is Warning, i.e. off).
/// </summary>
internal static partial class ProxyRequestLog
{
    /// <summary>The logging category.</summary>
    public const string Category = "ScimGateway.ProxyRequests";

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Proxied {Method} {Path} for token {TokenId}: {StatusCode} ({Outcome}) in {DurationMs:0.###} ms.")]
    public static partial void Completed(ILogger logger, string method, PathString path, int statusCode, string outcome, string? tokenId, double durationMs);
}
