using Microsoft.Extensions.Logging;

namespace ScimGateway.Scim.Resources;

/// <summary>Log messages of <see cref="ScimGroups"/> (event ids 3200-3299).</summary>
public sealed partial class ScimGroups
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Information, Message = "SCIM group {GroupId} was created with {Members} members.")]
    private static partial void LogCreated(ILogger logger, string groupId, int members);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "SCIM group {GroupId} changed to version {Version}: {Added} members added, {Removed} removed.")]
    private static partial void LogChanged(ILogger logger, string groupId, long version, int added, int removed);

    [LoggerMessage(EventId = 3203, Level = LogLevel.Information, Message = "SCIM group {GroupId} was deleted with its memberships.")]
    private static partial void LogDeleted(ILogger logger, string groupId);
}
