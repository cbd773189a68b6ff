using LiteDB;
using ScimGateway.Gateway.Storage;

namespace ScimGateway.Gateway.Storage.LiteDb;

/// <summary>
/// The process's one LiteDB application database, <c>gateway.db</c>, opened under the data directory's lock. Only
/// code in this folder and the modules' own LiteDB stores see it; the rest of the gateway asks for the
/// <see cref="DataDirectory"/> or for a store interface.
/// </summary>
public sealed class GatewayStorage : IDisposable
{
    /// <summary>The application database's file name.</summary>
    public const string DatabaseFileName = "gateway.db";

    /// <summary>The Hangfire job storage's file name (LiteDB, next to the application database, under the same lock).</summary>
    public const string JobDatabaseFileName = "hangfire.db";

    private GatewayStorage(DataDirectory directory, LiteDatabase database)
    {
        Directory = directory;
        Database = database;
    }

    /// <summary>The owned data directory.</summary>
    public DataDirectory Directory { get; }

    /// <summary>The application database.</summary>
    public LiteDatabase Database { get; }

    /// <summary>Takes the directory lock, then opens the database with a mapper of its own (never the global one).</summary>
    public static GatewayStorage Open(string dataDirectory)
    {
        var directory = DataDirectory.Acquire(dataDirectory);
        try
        {
            var connection = new ConnectionString { Filename = directory.File(DatabaseFileName), Connection = ConnectionType.Direct };
            var database = new LiteDatabase(connection, new BsonMapper()) { UtcDate = true };
            return new GatewayStorage(directory, database);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Database.Dispose();
        Directory.Dispose();
    }
}
