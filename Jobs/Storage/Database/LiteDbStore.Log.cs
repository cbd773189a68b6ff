using Microsoft.Extensions.Logging;

namespace ScimGateway.Jobs.Storage.Database;

internal sealed partial class LiteDbStore
{
    /// <summary>Event ids 3040-3049 belong to the job storage.</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 3040, Level = LogLevel.Information, Message = "Job storage database {File} opened.")]
        public static partial void DatabaseOpened(ILogger logger, string file);

        [LoggerMessage(EventId = 3041, Level = LogLevel.Error, Message = "Job storage database {File} failed; reopening it.")]
        public static partial void ReopeningDatabase(ILogger logger, string file, Exception error);
    }
}
