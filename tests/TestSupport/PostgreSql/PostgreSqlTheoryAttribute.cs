using Xunit;

namespace ScimGateway.TestSupport.PostgreSql;

/// <summary>A theory that needs PostgreSQL; skips and fails like <see cref="PostgreSqlFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgreSqlTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when there is no server and it is not required.</summary>
    public PostgreSqlTheoryAttribute()
    {
        if (PostgreSqlTestServer.ShouldSkip)
        {
            Skip = PostgreSqlTestServer.SkipReason;
        }
    }
}
