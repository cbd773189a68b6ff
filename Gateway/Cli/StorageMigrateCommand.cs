using Microsoft.Extensions.Options;
using Npgsql;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Storage.PostgreSql;

namespace ScimGateway.Gateway.Cli;

/// <summary>
/// <c>storage migrate</c>: applies the PostgreSQL schema migrations now, under the same advisory lock as a starting
/// node, so it is safe while servers run. Prints each script it applied (stdout); exit 0 when the schema is current,
/// 1 when the database cannot be used or its schema is not one this release knows, 2 when the provider is not PostgreSQL.
/// </summary>
internal sealed class StorageMigrateCommand(IServiceProvider services)
{
    public async Task<int> RunAsync(TextWriter stdout, TextWriter stderr)
    {
        StorageOptions options;
        try
        {
            options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync("error: " + string.Join(" ", ex.Failures));
            return 1;
        }

        if (options.Provider != StorageProvider.PostgreSql)
        {
            throw new CommandLineException(
                $"storage migrate needs Storage:Provider=PostgreSql (it is {options.Provider}, which has no schema to migrate).");
        }

        try
        {
            var applied = await services.GetRequiredService<PostgreSqlMigrator>().MigrateAsync(CancellationToken.None);
            foreach (var script in applied)
            {
                await stdout.WriteLineAsync($"applied {script.Module} {script.Version:D4}_{script.Name}");
            }

            await stdout.WriteLineAsync(applied.Count == 0 ? "The schema is up to date; nothing to apply." : $"Applied {applied.Count} migration(s).");
            return 0;
        }
        catch (SchemaMismatchException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        catch (NpgsqlException ex)
        {
            await stderr.WriteLineAsync($"error: cannot use the PostgreSQL database (ConnectionStrings:{StorageOptions.PostgresConnectionStringName}): {ex.Message}");
            return 1;
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync($"error: ConnectionStrings:{StorageOptions.PostgresConnectionStringName} is not a valid Npgsql connection string: {ex.Message}");
            return 1;
        }
    }
}
