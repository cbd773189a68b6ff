using LiteDB;
using ScimGateway.Jobs.Storage.Watermarks;
using ScimGateway.Jobs.Tests.Contracts;
using ScimGateway.Jobs.Tests.Storage;
using ScimGateway.Jobs.Watermarks;

namespace ScimGateway.Jobs.Tests.Watermarks;

/// <summary>The job watermark store contract on a real LiteDB file, opened as the gateway opens its application database.</summary>
public sealed class LiteDbJobWatermarkStoreContractTests : JobWatermarkStoreContract
{
    /// <inheritdoc />
    protected override (IJobWatermarkStore Store, IDisposable Database) OpenStore()
    {
        var directory = new TempDirectory();
        var database = new LiteDatabase(new ConnectionString { Filename = directory.File("gateway.db"), Connection = ConnectionType.Direct },
            new BsonMapper()) { UtcDate = true };
        return (new LiteDbJobWatermarkStore(database), new Closing(database, directory));
    }

    private sealed class Closing(LiteDatabase database, TempDirectory directory) : IDisposable
    {
        public void Dispose()
        {
            database.Dispose();
            directory.Dispose();
        }
    }
}
