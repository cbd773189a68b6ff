namespace ScimGateway.Gateway.Tests.Storage;

/// <summary>
/// A measurement too slow for the suite (minutes on two cores): runs only when <c>SCIMGATEWAY_LARGE_COPY=1</c> and a
/// PostgreSQL server is configured, e.g.
/// <c>SCIMGATEWAY_LARGE_COPY=1 dotnet test tests/Gateway.Tests --filter FullyQualifiedName~LargeCopyTests</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class LargeCopyFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> unless asked for and possible.</summary>
    public LargeCopyFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("SCIMGATEWAY_LARGE_COPY") != "1")
        {
            Skip = "A measurement: set SCIMGATEWAY_LARGE_COPY=1 to run it.";
        }
        else if (PostgreSqlTestServer.ShouldSkip)
        {
            Skip = PostgreSqlTestServer.SkipReason;
        }
    }
}
