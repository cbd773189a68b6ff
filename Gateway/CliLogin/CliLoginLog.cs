namespace ScimGateway.Gateway.CliLogin;

/// <summary>CLI sign-in's log messages (event ids 8100-8199). Never the token, the callback URL with it, or the state.</summary>
internal static partial class CliLoginLog
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Information, Message = "Showed the CLI sign-in consent page to owner {OwnerId} for host {Hostname}.")]
    public static partial void ConsentShown(ILogger logger, string ownerId, string hostname);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Issued token {TokenId} to owner {OwnerId} through CLI sign-in for host {Hostname}.")]
    public static partial void Approved(ILogger logger, string tokenId, string ownerId, string hostname);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Information, Message = "Owner {OwnerId} denied CLI sign-in for host {Hostname}.")]
    public static partial void Denied(ILogger logger, string ownerId, string hostname);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Warning, Message = "Refused a CLI sign-in request: {Reason}")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Warning, Message = "Refused a CLI sign-in form that was already used (consent {ConsentId}, owner {OwnerId}).")]
    public static partial void Replayed(ILogger logger, string consentId, string ownerId);

    [LoggerMessage(EventId = 8105, Level = LogLevel.Warning, Message = "CLI sign-in for owner {OwnerId} could not issue a token: {Reason}")]
    public static partial void IssueFailed(ILogger logger, string ownerId, string reason);
}
