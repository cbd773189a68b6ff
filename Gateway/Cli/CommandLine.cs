using Microsoft.Extensions.Options;
using Npgsql;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Storage.Copy;
using ScimGateway.Gateway.Storage.PostgreSql;

namespace ScimGateway.Gateway.Cli;

/// <summary>
/// Bootstrap and operations with the server stopped: <c>tokens issue</c> and <c>users add</c>; <c>storage migrate</c>,
/// which works while PostgreSQL servers run; <c>storage copy-to-postgres</c>, from a stopped single node. Only the token goes to
/// stdout, so that <c>TOKEN=$(dotnet run --project Gateway -- tokens issue ...)</c> works; everything else to stderr.
/// </summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage:
          tokens issue --service-user NAME [--role Admin|Manager|Member] --name TOKEN_NAME [--expires-in-days N|never] [--scim]
          tokens issue --user USERNAME --name TOKEN_NAME [--expires-in-days N|never] [--scim]
          users add --user-name NAME [--role Admin|Manager|Member]
          storage migrate   (Storage:Provider=PostgreSql: applies the schema migrations; safe while servers run)
          storage copy-to-postgres [--data-dir DIR]   (copies a stopped single node's data into the empty database
                                                       of ConnectionStrings:Postgres, whatever Storage:Provider says)
        Option of the tokens, users and copy commands: --data-dir DIR (default: Storage:DataDirectory, else ./data)
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "tokens" or "users" or "storage";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var (command, options) = Split(args);
            if (command == "storage migrate")
            {
                using var storageHost = BuildHost(null, openDataDirectory: false);
                return await new StorageMigrateCommand(storageHost.Services).RunAsync(stdout, stderr);
            }

            if (command == "storage copy-to-postgres")
            {
                using var copyHost = BuildHost(null, openDataDirectory: false);
                return await new StorageCopyToPostgresCommand(copyHost.Services).RunAsync(options, stderr, CancellationToken.None);
            }

            using var host = BuildHost(options.Get("--data-dir"), openDataDirectory: true);
            var services = host.Services;
            if (services.StorageProvider() == StorageProvider.PostgreSql)
            {
                // As a node does at start: a fresh database gets its schema (idempotent, under the advisory lock).
                _ = PostgreSqlDataSource(services);
                await services.GetRequiredService<PostgreSqlMigrator>().MigrateAsync(CancellationToken.None);
            }

            var output = command switch
            {
                "tokens issue" => new IssueTokenCommand(services).Run(options),
                "users add" => new AddUserCommand(services).Run(options),
                _ => throw new CommandLineException($"Unknown command '{command}'."),
            };
            await stdout.WriteLineAsync(output);
            return 0;
        }
        catch (CommandLineException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}{Environment.NewLine}{Usage}");
            return 2;
        }
        catch (Exception ex) when (ex is DataDirectoryInUseException or StorageCopyException or SchemaMismatchException or CommandFailedException)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync($"error: {string.Join(" ", ex.Failures)}");
            return 1;
        }
        catch (NpgsqlException ex)
        {
            // One line, no stack trace: the server is down, refuses the login, or the statement failed.
            await stderr.WriteLineAsync($"error: cannot use the PostgreSQL database (ConnectionStrings:{StorageOptions.PostgresConnectionStringName}): {OneLine(ex)}");
            return 1;
        }
    }

    /// <summary>The process's PostgreSQL data source; a connection string Npgsql cannot parse is a one-line error.</summary>
    internal static NpgsqlDataSource PostgreSqlDataSource(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<NpgsqlDataSource>();
        }
        catch (ArgumentException ex)
        {
            // NpgsqlDataSource.Create's complaint names the keyword or value, never the password.
            throw new CommandFailedException(
                $"ConnectionStrings:{StorageOptions.PostgresConnectionStringName} is not a valid Npgsql connection string: {ex.Message}", ex);
        }
    }

    // A failed connection's message sits on the inner exception (the socket's) as often as on the outer one.
    private static string OneLine(NpgsqlException ex) =>
        (ex.InnerException is { } inner && ex is not PostgresException ? $"{ex.Message} ({inner.Message})" : ex.Message).ReplaceLineEndings(" ");

    private static (string Command, CommandLineArguments Options) Split(string[] args)
    {
        if (args.Length < 2)
        {
            throw new CommandLineException("Missing command.");
        }

        var command = $"{args[0]} {args[1]}";
        var (flags, options) = command switch
        {
            "tokens issue" => (new HashSet<string> { "--scim" }, new HashSet<string> { "--service-user", "--user", "--role", "--name", "--expires-in-days", "--data-dir" }),
            "users add" => (new HashSet<string>(), new HashSet<string> { "--user-name", "--role", "--data-dir" }),
            "storage migrate" => (new HashSet<string>(), new HashSet<string>()),
            "storage copy-to-postgres" => (new HashSet<string>(), new HashSet<string> { "--data-dir" }),
            _ => throw new CommandLineException($"Unknown command '{command}'."),
        };
        return (command, CommandLineArguments.Parse(args.Skip(2), flags, options));
    }

    private static IHost BuildHost(string? dataDirectory, bool openDataDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        ShippedSettings.AddTo(builder.Configuration, builder.Environment.ContentRootPath);
        if (dataDirectory is not null)
        {
            builder.Configuration["Storage:DataDirectory"] = dataDirectory;
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGatewayCore();
        var host = builder.Build();
        if (!openDataDirectory || host.Services.StorageProvider() == StorageProvider.PostgreSql)
        {
            // Cluster mode: no data directory, so the command line works while the servers run.
            return host;
        }

        // Open the store now: a second process on the same directory must fail before doing anything.
        _ = host.Services.GetRequiredService<DataDirectory>();
        return host;
    }
}
