using Microsoft.Extensions.Logging;

namespace ScimGateway.Scim.Resources;

/// <summary>Log messages of <see cref="ScimUsers"/> (event ids 3101-3199; 3100 is the endpoints' error filter). Never the body: it may carry a password.</summary>
public sealed partial class ScimUsers
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "SCIM user {UserId} was created.")]
    private static partial void LogCreated(ILogger logger, string userId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "SCIM user {UserId} was replaced; active is {Active}.")]
    private static partial void LogReplaced(ILogger logger, string userId, bool active);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "SCIM user {UserId} was patched to version {Version}; active is {Active}.")]
    private static partial void LogPatched(ILogger logger, string userId, long version, bool active);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Information, Message = "SCIM user {UserId} was deleted with their memberships and tokens.")]
    private static partial void LogDeleted(ILogger logger, string userId);
}
