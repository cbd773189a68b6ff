using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.OpenApi;
using ScimGateway.Tokens.Audit;
using ScimGateway.Gateway.Web;

namespace ScimGateway.Gateway.Api;

/// <summary><c>/api/audit</c>: the audit trail, newest first, for admins.</summary>
internal static class AuditApi
{
    private const int MaxPageSize = 500;

    // (page - 1) * page_size must stay an int for the store's Skip: 4,294,967 * 500 would overflow, so pages stop at a
    // million (half a billion events).
    private const int MaxPage = 1_000_000;

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(GatewayRoutes.Audit, Read).RequireAuthorization(GatewayPolicies.Admin).WithNoStore()
            .WithName("ReadAudit").WithTags(OpenApiTags.Audit).WithSummary("The audit trail of token and service-user events, newest first (admins).")
            .Produces<AuditPage>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(new DocumentedQueryParameter("page", "The page, from 1.", "integer", 1, MaxPage),
                new DocumentedQueryParameter("page_size", "Events per page.", "integer", 1, MaxPageSize));
        return endpoints;
    }

    private static IResult Read(HttpContext context, AuditTrail audit)
    {
        if (!QueryParameters.TryGetInt(context.Request, "page", 1, MaxPage, out var page, out var error)
            || !QueryParameters.TryGetInt(context.Request, "page_size", 1, MaxPageSize, out var pageSize, out error))
        {
            return error!;
        }

        return Results.Json(audit.Read(page ?? 1, pageSize ?? 50), ApiJson.Options);
    }
}
