using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace ScimGateway.Jobs;

/// <summary>Maps the Hangfire dashboard.</summary>
public static class JobsEndpointRouteBuilderExtensions
{
    /// <summary>The dashboard's path.</summary>
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// Maps the dashboard behind the named ASP.NET Core authorization policy only: Hangfire's own filters are emptied,
    /// so its local-requests-only default never applies, and the storage connection string is not shown. The
    /// dashboard's "back to site" link goes to <paramref name="appPath"/>, a route the host owns.
    /// </summary>
    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints, string authorizationPolicy, string appPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [],
            DisplayStorageConnectionString = false,
            DashboardTitle = "ScimGateway jobs",
            AppPath = appPath,
        };
        return endpoints.MapHangfireDashboardWithAuthorizationPolicy(authorizationPolicy, DashboardPath, options);
    }
}
