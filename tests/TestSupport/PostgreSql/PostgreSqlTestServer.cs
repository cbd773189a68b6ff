namespace ScimGateway.TestSupport.PostgreSql;

/// <summary>
/// The PostgreSQL server the tests may use: its connection string comes from <see cref="ConnectionStringVariable"/>
/// (set by <c>.ci/run</c>, or by <c>.ci/postgres.sh</c> for local runs). Without it, PostgreSQL tests skip on a
/// developer's machine and fail in CI (<c>CI=true</c>), so a broken CI setup can never pass by skipping.
/// </summary>
public static class PostgreSqlTestServer
{
    /// <summary>The environment variable holding an Npgsql connection string of a server the tests may create databases on.</summary>
    public const string ConnectionStringVariable = "SCIMGATEWAY_TEST_POSTGRES";

    /// <summary>Why a PostgreSQL test is skipped when there is no server.</summary>
    public const string SkipReason =
        $"No PostgreSQL server: set {ConnectionStringVariable} (start one with: bash .ci/postgres.sh). In CI (CI=true) these tests fail instead.";

    /// <summary>The server's connection string, or null when none is configured.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Whether a missing server fails the tests instead of skipping them: in CI.</summary>
    public static bool IsRequired =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether PostgreSQL tests skip here: no server and not in CI.</summary>
    public static bool ShouldSkip => ConnectionString is null && !IsRequired;

    /// <summary>The connection string, or an exception that fails the test with what to do.</summary>
    public static string RequireConnectionString() => ConnectionString ?? throw new InvalidOperationException(
        $"CI=true but {ConnectionStringVariable} is not set: PostgreSQL tests must run in CI. .ci/run starts a server "
        + "(see .ci/postgres.sh); set the variable to an Npgsql connection string of a superuser on a throwaway server.");
}
