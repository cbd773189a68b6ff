using Microsoft.Extensions.Logging;

namespace ScimGateway.Jobs.Storage.Database;

internal sealed partial class LiteDbStore
{
    /// <summary>Event ids 3100-3199 belong to the job storage.</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Job storage database {File} opened.")]
        public static partial void DatabaseOpened(ILogger logger, string file);

        [LoggerMessage(EventId = 3101, Level = LogLevel.Error, Message = "Job storage database {File} failed; reopening it.")]
        public static partial void ReopeningDatabase(ILogger logger, string file, Exception error);
    }
}
