namespace ScimGateway.Gateway.Edge;

/// <summary>Source-generated logging of the request-edge rules, event ids 6000-6099. Never logs a path's raw bytes or a token.</summary>
internal static partial class EdgeLog
{
    // Debug: anyone can send such requests, so they must not be able to fill the log at a higher level.
    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "Refused a {Method} request whose path is not canonical ({Verdict}).")]
    public static partial void NonCanonicalPath(ILogger logger, string method, PathVerdict verdict);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "Refused a {Method} {Path} request: its body exceeds the limit of {Limit} bytes.")]
    public static partial void BodyTooLarge(ILogger logger, string method, PathString path, long limit);
}
