using ScimGateway.Gateway.Storage.LiteDb;
using ScimGateway.Scim.Groups;

namespace ScimGateway.Gateway.Tests.Storage;

/// <summary><c>storage copy-to-postgres</c> refuses, with exit code 1 and one line that says what it found, and writes nothing.</summary>
public sealed class CopyToPostgresRefusalTests
{
    [PostgreSqlFact]
    public async Task A_target_that_holds_data_is_refused_naming_what_it_holds_and_is_left_as_it_was()
    {
        using var directory = new TempDirectory();
        using var elsewhere = new TempDirectory();
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await IssueAsync(directory.Path);
        Assert.Equal(0, (await CopyToPostgres.RunAsync(elsewhere.Path, database.ConnectionString, "--data-dir", directory.Path)).ExitCode);
        var before = await CopyToPostgres.CountPostgreSqlAsync(database.DataSource);

        var again = await CopyToPostgres.RunAsync(elsewhere.Path, database.ConnectionString, "--data-dir", directory.Path);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("error: The target database is not empty (", again.StandardError, StringComparison.Ordinal);
        Assert.Contains("tokens: 1 row", again.StandardError, StringComparison.Ordinal);
        Assert.Contains("signing_keys: 1 row", again.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, await CopyToPostgres.CountPostgreSqlAsync(database.DataSource));
    }

    [PostgreSqlFact]
    public async Task A_missing_data_directory_is_refused_before_the_database_is_touched()
    {
        using var elsewhere = new TempDirectory();
        await using var database = await PostgreSqlDatabase.CreateAsync();
        var missing = Path.Combine(elsewhere.Path, "no-such-dir");

        var result = await CopyToPostgres.RunAsync(elsewhere.Path, database.ConnectionString, "--data-dir", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"error: The data directory '{missing}' does not exist", result.StandardError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
        Assert.False(await CopyToPostgres.HasSchemaAsync(database.DataSource));
    }

    [PostgreSqlFact]
    public async Task A_directory_without_a_database_is_refused()
    {
        using var directory = new TempDirectory();
        using var elsewhere = new TempDirectory();
        await using var database = await PostgreSqlDatabase.CreateAsync();

        var result = await CopyToPostgres.RunAsync(elsewhere.Path, database.ConnectionString, "--data-dir", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("holds no gateway.db, so there is nothing to copy", result.StandardError, StringComparison.Ordinal);
        Assert.False(await CopyToPostgres.HasSchemaAsync(database.DataSource));
    }

    [PostgreSqlFact]
    public async Task A_directory_in_use_by_a_running_gateway_is_refused_and_nothing_is_written()
    {
        using var directory = new TempDirectory();
        using var elsewhere = new TempDirectory();
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await IssueAsync(directory.Path);
        await using var running = await GatewayProcess.StartAsync(directory.Path, new Dictionary<string, string>
        {
            ["ReverseProxy__Clusters__qualytics__Destinations__primary__Address"] = "http://127.0.0.1:9/",
        });

        var result = await CopyToPostgres.RunAsync(elsewhere.Path, database.ConnectionString, "--data-dir", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is in use by another ScimGateway process", result.StandardError, StringComparison.Ordinal);
        Assert.False(await CopyToPostgres.HasSchemaAsync(database.DataSource));
        Assert.False(running.HasExited);
    }

    [PostgreSqlFact]
    public async Task A_row_PostgreSql_refuses_rolls_the_whole_copy_back_with_one_line()
    {
        using var directory = new TempDirectory();
        using var elsewhere = new TempDirectory();
        await using var database = await PostgreSqlDatabase.CreateAsync();
        await IssueAsync(directory.Path);
        using (var storage = GatewayStorage.Open(directory.Path))
        {
            // A membership of a group that is gone: LiteDB has no foreign keys, PostgreSQL's scim_memberships has one.
            storage.Database.GetCollection<ScimMembershipRecord>("scim_memberships")
                .Insert(new ScimMembershipRecord { Id = "gone|someone", GroupId = "gone", MemberId = "someone" });
        }

        var result = await CopyToPostgres.RunAsync(elsewhere.Path, database.ConnectionString, "--data-dir", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: PostgreSQL refused the copy into scim_memberships (23503: ", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("it was rolled back, nothing was written.", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        Assert.All(await CopyToPostgres.CountPostgreSqlAsync(database.DataSource), t => Assert.True(t.Value == 0, $"{t.Key}: {t.Value}"));
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Username=nobody;Timeout=5", "error: cannot use the PostgreSQL database (ConnectionStrings:Postgres): ")]
    [InlineData("Hots=127.0.0.1", "error: ConnectionStrings:Postgres is not a valid Npgsql connection string: ")]
    [InlineData("", "error: ConnectionStrings:Postgres is not set")]
    public async Task A_connection_string_that_cannot_be_used_is_one_line_of_error_without_a_stack_trace(string connectionString, string message)
    {
        using var directory = new TempDirectory();
        using var elsewhere = new TempDirectory();
        await IssueAsync(directory.Path);

        var result = await CopyToPostgres.RunAsync(elsewhere.Path, connectionString, "--data-dir", directory.Path);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(message, result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task IssueAsync(string dataDirectory)
    {
        var issued = await CliProcess.RunAsync(dataDirectory, "tokens", "issue", "--service-user", "Ops", "--role", "Admin", "--name", "api");
        Assert.True(issued.ExitCode == 0, issued.StandardError);
    }
}
