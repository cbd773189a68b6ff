namespace ScimGateway.Gateway.Tests.PostgreSql;

/// <summary>
/// <c>tokens issue</c> and <c>users add</c> on PostgreSQL: a never-migrated database gets its schema first, as a
/// node's start gives it, and a database that cannot be reached is one line of error, not a stack trace.
/// </summary>
public sealed class PostgreSqlCommandLineTests
{
    [PostgreSqlFact]
    public async Task Tokens_issue_and_users_add_on_a_fresh_database_apply_the_migrations_first()
    {
        await using var database = await PostgreSqlDatabase.CreateAsync();
        using var directory = new TempDirectory();

        var added = await PostgreSqlGatewayProcess.RunAsync(directory.Path, database.ConnectionString, "users", "add", "--user-name", "first.admin", "--role", "Admin");
        var issued = await PostgreSqlGatewayProcess.RunAsync(directory.Path, database.ConnectionString,
            "tokens", "issue", "--user", "first.admin", "--name", "laptop", "--expires-in-days", "1");

        Assert.True(added.ExitCode == 0, added.StandardError);
        Assert.True(issued.ExitCode == 0, issued.StandardError);
        Assert.Equal(Jwt.TokenId(issued.StandardOutput.Trim()), await ScalarAsync(database, "SELECT id FROM tokens"));
        Assert.Equal("FIRST.ADMIN", await ScalarAsync(database, "SELECT user_name_key FROM scim_users"));
    }

    [Theory]
    [InlineData("tokens", "issue", "--service-user", "Ops", "--name", "api")]
    [InlineData("users", "add", "--user-name", "first.admin")]
    public async Task An_unreachable_database_is_one_line_of_error_with_exit_code_1(params string[] args)
    {
        using var directory = new TempDirectory();

        var result = await PostgreSqlGatewayProcess.RunAsync(directory.Path, "Host=127.0.0.1;Port=1;Username=nobody;Timeout=5", args);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot use the PostgreSQL database (ConnectionStrings:Postgres): ", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(result.StandardOutput);
    }

    private static async Task<object?> ScalarAsync(PostgreSqlDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }
}
