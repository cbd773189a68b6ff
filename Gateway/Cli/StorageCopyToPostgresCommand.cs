using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Storage.Copy;
using ScimGateway.Gateway.Storage.LiteDb;
using ScimGateway.Gateway.Storage.PostgreSql;

namespace ScimGateway.Gateway.Cli;

/// <summary>
/// <c>storage copy-to-postgres [--data-dir DIR]</c>: copies a stopped single node's data directory into an empty
/// PostgreSQL database (<c>ConnectionStrings:Postgres</c>, whatever <c>Storage:Provider</c> says: the command moves
/// from one to the other), so the installation becomes a cluster without re-issuing tokens. Prints a count per table
/// to stderr; exit 0 when every count matched after the commit, 1 when it refused or undid the copy.
/// </summary>
internal sealed class StorageCopyToPostgresCommand(IServiceProvider services)
{
    public async Task<int> RunAsync(CommandLineArguments args, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new StorageCopyException(
                $"ConnectionStrings:{StorageOptions.PostgresConnectionStringName} is not set: it names the database to copy into, "
                + "e.g. ConnectionStrings__Postgres=\"Host=db;Database=scimgateway;Username=gateway;Password=...\".");
        }

        // The source first: a directory that is missing or in use is refused before the database is touched at all.
        using var source = LiteDbCopySource.Open(args.Get("--data-dir") ?? options.DataDirectory);
        var dataSource = CommandLine.PostgreSqlDataSource(services);
        await services.GetRequiredService<PostgreSqlMigrator>().MigrateAsync(cancellationToken);
        IReadOnlyList<CopiedTable> tables;
        await using (var target = await PostgreSqlCopyTarget.BeginAsync(dataSource, cancellationToken))
        {
            try
            {
                tables = await StorageCopy.RunAsync(source, target, cancellationToken);
            }
            catch (PostgresException ex)
            {
                // A row the database refused (a constraint the single node did not have, say); disposal rolls back.
                throw new StorageCopyException(
                    $"PostgreSQL refused the copy{(ex.TableName is null ? "" : $" into {ex.TableName}")} ({ex.SqlState}: {ex.MessageText}); it was rolled back, nothing was written.", ex);
            }
            catch (Exception ex) when (ex is not (StorageCopyException or NpgsqlException or OperationCanceledException))
            {
                // The data directory's file failed while being read, for instance: the operator gets a line, not a trace.
                throw new StorageCopyException($"The copy failed and was rolled back, nothing was written: {ex.GetType().Name}: {ex.Message}", ex);
            }
        }

        await stderr.WriteLineAsync($"{"table",-22} {"data directory",15} {"PostgreSQL",12}");
        foreach (var table in tables)
        {
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{table.Table,-22} {table.Source,15} {table.Target,12}"));
        }

        await stderr.WriteLineAsync($"Copied {tables.Sum(t => t.Target).ToString(CultureInfo.InvariantCulture)} rows; every count matches.");
        return 0;
    }
}
