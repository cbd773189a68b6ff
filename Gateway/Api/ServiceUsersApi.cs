using System.Text.Json;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.OpenApi;
using ScimGateway.Tokens;
using ScimGateway.Tokens.ServiceUsers;
using ScimGateway.Gateway.Web;

namespace ScimGateway.Gateway.Api;

/// <summary><c>/api/service-users</c>: admins manage the non-human owners of service tokens.</summary>
internal static class ServiceUsersApi
{
    public static IEndpointRouteBuilder MapServiceUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(GatewayRoutes.ServiceUsers).RequireAuthorization(GatewayPolicies.Admin).WithNoStore().WithTags(OpenApiTags.ServiceUsers);
        group.MapGet("/", List)
            .WithName("ListServiceUsers").WithSummary("Service users, filtered by name, role, team or state.")
            .Produces<ServiceUserView[]>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithMetadata(new DocumentedQueryParameter("search", "Part of the name."), new DocumentedQueryParameter("role", "Admin, Manager or Member."),
                new DocumentedQueryParameter("team", "A team the service user belongs to."), new DocumentedQueryParameter("active", "Only active (true) or deactivated (false) ones.", "boolean"));
        group.MapGet("/{id}", Get)
            .WithName("GetServiceUser").WithSummary("One service user.")
            .Produces<ServiceUserView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync)
            .WithName("CreateServiceUser").WithSummary("Create a service user (the owner of service tokens).")
            .WithMetadata(new DocumentedRequestBody(typeof(ServiceUserRequestBody))).Produces<ServiceUserView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{id}", UpdateAsync)
            .WithName("ReplaceServiceUser").WithSummary("Change a service user's name, role or teams.")
            .WithMetadata(new DocumentedRequestBody(typeof(ServiceUserRequestBody))).Produces<ServiceUserView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/{id}", UpdateAsync)
            .WithName("UpdateServiceUser").WithSummary("Change a service user's name, role or teams (absent fields stay).")
            .WithMetadata(new DocumentedRequestBody(typeof(ServiceUserRequestBody))).Produces<ServiceUserView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id}", Deactivate)
            .WithName("DeactivateServiceUser").WithSummary("Deactivate a service user that holds no active token.")
            .Produces<ServiceUserView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id}/reactivate", Reactivate)
            .WithName("ReactivateServiceUser").WithSummary("Reactivate a deactivated service user.")
            .Produces<ServiceUserView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return endpoints;
    }

    private static IResult List(HttpContext context, ServiceUserService users)
    {
        var query = context.Request;
        if (!QueryParameters.TryGetText(query, "search", out var search, out var error)
            || !QueryParameters.TryGetText(query, "role", out var role, out error)
            || !QueryParameters.TryGetText(query, "team", out var team, out error)
            || !QueryParameters.TryGetBool(query, "active", out var active, out error))
        {
            return error!;
        }

        Role? parsedRole = null;
        if (role is not null)
        {
            if (!RoleNames.TryParse(role, out var value))
            {
                return ApiResults.BadRequest($"role must be Admin, Manager or Member (got '{role}').");
            }

            parsedRole = value;
        }

        return ApiResults.From(users.List(CallerResolver.From(context), new ServiceUserQuery(search, parsedRole, team, active)),
            list => Results.Json(list, ApiJson.Options));
    }

    private static IResult Get(HttpContext context, ServiceUserService users, string id) =>
        ApiResults.From(users.Get(CallerResolver.From(context), id), user => Results.Json(user, ApiJson.Options));

    private static async Task<IResult> CreateAsync(HttpContext context, ServiceUserService users, CancellationToken cancellationToken)
    {
        var (request, error) = await ReadAsync(context, requireName: true, cancellationToken);
        return error ?? ApiResults.From(users.Create(CallerResolver.From(context), request!), user =>
            Results.Json(user, ApiJson.Options, statusCode: StatusCodes.Status201Created));
    }

    private static async Task<IResult> UpdateAsync(HttpContext context, ServiceUserService users, string id, CancellationToken cancellationToken)
    {
        var (request, error) = await ReadAsync(context, requireName: false, cancellationToken);
        return error ?? ApiResults.From(users.Update(CallerResolver.From(context), id, request!), user => Results.Json(user, ApiJson.Options));
    }

    private static IResult Deactivate(HttpContext context, ServiceUserService users, string id) =>
        ApiResults.From(users.Deactivate(CallerResolver.From(context), id), user => Results.Json(user, ApiJson.Options));

    private static IResult Reactivate(HttpContext context, ServiceUserService users, string id) =>
        ApiResults.From(users.Reactivate(CallerResolver.From(context), id), user => Results.Json(user, ApiJson.Options));

    private static async Task<(ServiceUserRequest? Request, IResult? Error)> ReadAsync(HttpContext context, bool requireName, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadObjectAsync(context.Request, cancellationToken);
        if (error is not null)
        {
            return (null, error);
        }

        using (document)
        {
            var root = document!.RootElement;
            if (!JsonBody.TryGetString(root, "name", out var name, out var invalid)
                || !JsonBody.TryGetString(root, "role", out var roleName, out invalid)
                || !JsonBody.TryGetStrings(root, "teams", out var teams, out invalid))
            {
                return (null, ApiResults.BadRequest(invalid!));
            }

            if (requireName && ServiceUserService.CheckName(name) is { } badName)
            {
                return (null, ApiResults.BadRequest(badName));
            }

            Role? role = null;
            if (roleName is not null)
            {
                if (!RoleNames.TryParse(roleName, out var parsed))
                {
                    return (null, ApiResults.BadRequest($"role must be Admin, Manager or Member (got '{roleName}')."));
                }

                role = parsed;
            }

            return (new ServiceUserRequest(name, role, teams), null);
        }
    }
}
