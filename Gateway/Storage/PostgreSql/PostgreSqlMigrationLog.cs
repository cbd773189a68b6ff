namespace ScimGateway.Gateway.Storage.PostgreSql;

internal static partial class PostgreSqlMigrationLog
{
    [LoggerMessage(EventId = 6900, Level = LogLevel.Information, Message = "Applied PostgreSQL migration {Module} {Version:D4}_{Name}.")]
    public static partial void Applied(ILogger logger, string module, int version, string name);

    [LoggerMessage(EventId = 6901, Level = LogLevel.Debug, Message = "Waiting for the PostgreSQL migration lock (another node may be migrating).")]
    public static partial void WaitingForLock(ILogger logger);

    [LoggerMessage(EventId = 6902, Level = LogLevel.Information, Message = "The PostgreSQL schema is up to date ({Count} scripts applied before).")]
    public static partial void UpToDate(ILogger logger, int count);
}
