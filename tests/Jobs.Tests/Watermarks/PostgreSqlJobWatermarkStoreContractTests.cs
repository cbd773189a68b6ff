using Microsoft.Extensions.Logging.Abstractions;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.Jobs.Storage.PostgreSql;
using ScimGateway.Jobs.Tests.Contracts;
using ScimGateway.Jobs.Watermarks;

namespace ScimGateway.Jobs.Tests.Watermarks;

/// <summary>The job watermark store contract on a fresh PostgreSQL database per test, with Jobs' scripts applied by the gateway's migrator.</summary>
[PostgreSqlContract]
public sealed class PostgreSqlJobWatermarkStoreContractTests : JobWatermarkStoreContract
{
    /// <inheritdoc />
    protected override (IJobWatermarkStore Store, IDisposable Database) OpenStore()
    {
        var database = PostgreSqlDatabase.CreateAsync().GetAwaiter().GetResult();
        var jobs = MigrationModule.All.Single(m => m.Name == "jobs");
        new PostgreSqlMigrator(database.DataSource, MigrationScripts.Load(jobs), TimeProvider.System, NullLogger<PostgreSqlMigrator>.Instance)
            .MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        return (new PostgreSqlJobWatermarkStore(database.DataSource), new Dropping(database));
    }

    private sealed class Dropping(PostgreSqlDatabase database) : IDisposable
    {
        public void Dispose() => database.DisposeAsync().GetAwaiter().GetResult();
    }
}
