using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.PostgreSql;

/// <summary>The gateway executable on PostgreSQL: <c>storage migrate</c>, and a server start that refuses to half-work.</summary>
public sealed class PostgreSqlProcessTests
{
    [PostgreSqlFact]
    public async Task Storage_migrate_applies_the_scripts_once_and_then_reports_nothing_to_do()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        using var directory = new TempDirectory();

        var first = await PostgreSqlGatewayProcess.RunAsync(directory.Path, database.ConnectionString, "storage", "migrate");
        var second = await PostgreSqlGatewayProcess.RunAsync(directory.Path, database.ConnectionString, "storage", "migrate");

        Assert.True(first.ExitCode == 0, first.StandardError);
        Assert.Contains("applied gateway 0001_shared_secrets", first.StandardOutput, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.StandardError);
        Assert.Contains("nothing to apply", second.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }

    [PostgreSqlFact]
    public async Task Storage_migrate_refuses_a_newer_schema_with_exit_code_1()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        using var directory = new TempDirectory();
        Assert.Equal(0, (await PostgreSqlGatewayProcess.RunAsync(directory.Path, database.ConnectionString, "storage", "migrate")).ExitCode);
        await using (var newer = database.DataSource.CreateCommand(
            "INSERT INTO schema_migrations (module, version, name, applied_at, checksum) VALUES ('gateway', 99, 'from_the_future', now(), 'x')"))
        {
            await newer.ExecuteNonQueryAsync();
        }

        var result = await PostgreSqlGatewayProcess.RunAsync(directory.Path, database.ConnectionString, "storage", "migrate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'gateway' schema is at version 99, newer than this node knows (version", result.StandardError, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task Storage_migrate_without_a_connection_string_says_what_to_set()
    {
        using var directory = new TempDirectory();

        var result = await PostgreSqlGatewayProcess.RunAsync(directory.Path, null, "storage", "migrate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ConnectionStrings:Postgres is not set", result.StandardError, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task The_server_on_PostgreSql_migrates_serves_and_opens_no_data_directory_while_the_command_line_works_beside_it()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        using var directory = new TempDirectory();
        await using var upstream = await EchoUpstream.StartAsync();
        await using var server = await GatewayProcess.StartAsync(directory.Path, new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["ReverseProxy__Clusters__qualytics__Destinations__primary__Address"] = upstream.Address.ToString(),
        });

        var issued = await PostgreSqlGatewayProcess.RunAsync(directory.Path, database.ConnectionString,
            "tokens", "issue", "--service-user", "Beside The Server", "--role", "Member", "--name", "cli", "--expires-in-days", "1");

        Assert.True(issued.ExitCode == 0, issued.StandardError);
        using var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", issued.StandardOutput.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/datastores")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);
        await using var key = database.DataSource.CreateCommand("SELECT count(*) FROM signing_keys");
        Assert.Equal(1L, await key.ExecuteScalarAsync());
        Assert.Empty(Directory.GetFileSystemEntries(directory.Path));
    }
}
