using Microsoft.Extensions.Logging.Console;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Storage.PostgreSql;

namespace ScimGateway.Gateway.Cli;

/// <summary>
/// Bootstrap and operations with the server stopped: <c>tokens issue</c> and <c>users add</c>; <c>storage migrate</c>,
/// which works while PostgreSQL servers run. Only the token goes to
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
        Option of the tokens and users commands: --data-dir DIR (default: Storage:DataDirectory, else ./data)
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

            using var host = BuildHost(options.Get("--data-dir"), openDataDirectory: true);
            var services = host.Services;
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
        catch (DataDirectoryInUseException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

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
