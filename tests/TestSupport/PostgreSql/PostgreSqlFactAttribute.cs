using Xunit;

namespace ScimGateway.TestSupport.PostgreSql;

/// <summary>
/// A fact that needs PostgreSQL: skipped when <see cref="PostgreSqlTestServer.ConnectionStringVariable"/> is unset and
/// not in CI; in CI it runs and fails (through <see cref="PostgreSqlDatabase"/>) when the server is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when there is no server and it is not required.</summary>
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlTestServer.ShouldSkip)
        {
            Skip = PostgreSqlTestServer.SkipReason;
        }
    }
}
