using Microsoft.Extensions.Options;
using Npgsql;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>
/// What a server does with its storage before serving, for the PostgreSQL provider: checks the options, applies the
/// migrations under the advisory lock (refusing a schema it does not know) and loads or creates the shared signing
/// key.
/// </summary>
public static class PostgreSqlStartup
{
    /// <summary>
    /// False, with the reason written to <paramref name="error"/>, when the storage options are invalid or PostgreSQL
    /// cannot be prepared or used yet. <paramref name="isPostgreSql"/> tells whether the PostgreSQL provider is selected.
    /// </summary>
    public static bool TryPrepare(IServiceProvider services, TextWriter error, out bool isPostgreSql)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(error);
        isPostgreSql = false;
        try
        {
            isPostgreSql = services.StorageProvider() == StorageProvider.PostgreSql;
            if (!isPostgreSql)
            {
                return true;
            }

            services.GetRequiredService<PostgreSqlMigrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
            _ = services.GetRequiredService<Tokens.Format.SigningKey>();
            return true;
        }
        catch (OptionsValidationException ex)
        {
            error.WriteLine(string.Join(Environment.NewLine, ex.Failures));
            return false;
        }
        catch (SchemaMismatchException ex)
        {
            error.WriteLine(ex.Message);
            return false;
        }
        catch (NpgsqlException ex)
        {
            error.WriteLine($"Cannot use the PostgreSQL database (ConnectionStrings:{StorageOptions.PostgresConnectionStringName}): {ex.Message}");
            return false;
        }
        catch (ArgumentException ex)
        {
            // NpgsqlDataSource.Create's complaint about the connection string (a keyword or value; never the password).
            error.WriteLine($"ConnectionStrings:{StorageOptions.PostgresConnectionStringName} is not a valid Npgsql connection string: {ex.Message}");
            return false;
        }
    }
}
