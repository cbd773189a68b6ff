using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.OpenApi;
using ScimGateway.Tokens.Audit;

namespace ScimGateway.Gateway.Api;

/// <summary><c>/api/audit</c>: the audit trail, newest first, for admins.</summary>
internal static class AuditApi
{
    private const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/audit", Read).RequireAuthorization(GatewayPolicies.Admin)
            .WithName("ReadAudit").WithTags(OpenApiTags.Audit).WithSummary("The audit trail of token and service-user events, newest first (admins).")
            .Produces<AuditPage>().ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    private static IResult Read(AuditTrail audit, int? page, int? page_size)
    {
        if (page is < 1)
        {
            return ApiResults.BadRequest("page must be 1 or more.");
        }

        if (page_size is < 1 or > MaxPageSize)
        {
            return ApiResults.BadRequest($"page_size must be between 1 and {MaxPageSize}.");
        }

        return Results.Json(audit.Read(page ?? 1, page_size ?? 50), ApiJson.Options);
    }
}
