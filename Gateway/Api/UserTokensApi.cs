using System.Text.Json;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.OpenApi;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.Usage;
using ScimGateway.Gateway.Web;

namespace ScimGateway.Gateway.Api;

/// <summary><c>/api/user-tokens</c>: personal and service tokens, shaped like Qualytics' API.</summary>
internal static class UserTokensApi
{
    public static IEndpointRouteBuilder MapUserTokensApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(GatewayRoutes.UserTokens).RequireAuthorization(GatewayPolicies.ApiToken).WithNoStore().WithTags(OpenApiTags.Tokens);
        group.MapPost("/", CreateAsync)
            .WithName("CreateToken").WithSummary("Create a personal token, or (admins) a service or SCIM-administration token.")
            .WithDescription("The bearer token is in the answer this once only; the gateway keeps only its SHA-256.")
            .WithMetadata(new DocumentedRequestBody(typeof(CreateTokenRequest))).Produces<IssuedTokenView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListOwn)
            .WithName("ListOwnTokens").WithSummary("The caller's own personal tokens.")
            .Produces<TokenView[]>();
        group.MapGet("/service", ListService)
            .WithName("ListServiceTokens").WithSummary("Service tokens (admins), optionally of one service user.")
            .Produces<TokenView[]>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new DocumentedQueryParameter("user_id", "Only this service user's tokens."));
        group.MapGet("/{id}", Get)
            .WithName("GetToken").WithSummary("One token the caller may see.")
            .Produces<TokenView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}", SetRevokedAsync)
            .WithName("RevokeOrRestoreToken").WithSummary("Revoke a token (at once), or restore a revoked token that has not expired.")
            .WithMetadata(new DocumentedRequestBody(typeof(RevokeTokenRequest))).Produces<TokenChangeView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id}", Delete)
            .WithName("DeleteToken").WithSummary("Delete a revoked or expired token.")
            .Produces<MessageView>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id}/usage", GetUsage)
            .WithName("GetTokenUsage").WithSummary("Daily request counts by outcome, last use time and address.")
            .Produces<TokenUsageView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new DocumentedQueryParameter("days", "How many days back, ending today.", "integer", 1, TokenUsageService.MaxDays));
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, TokenService tokens, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadObjectAsync(context.Request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            var parsed = ParseCreate(document!.RootElement);
            if (parsed.Error is not null)
            {
                return ApiResults.BadRequest(parsed.Error);
            }

            return ApiResults.From(tokens.Issue(CallerResolver.From(context), parsed.Request!), issued =>
                Results.Json(ApiResults.With(issued.Token, ("bearer_token", issued.BearerToken)), ApiJson.Options,
                    statusCode: StatusCodes.Status201Created));
        }
    }

    private static IResult ListOwn(HttpContext context, TokenService tokens) =>
        Results.Json(tokens.ListOwn(CallerResolver.From(context)), ApiJson.Options);

    private static IResult ListService(HttpContext context, TokenService tokens)
    {
        if (!QueryParameters.TryGetText(context.Request, "user_id", out var userId, out var error))
        {
            return error!;
        }

        return ApiResults.From(tokens.ListService(CallerResolver.From(context), userId), list => Results.Json(list, ApiJson.Options));
    }

    private static IResult Get(HttpContext context, TokenService tokens, string id) =>
        ApiResults.From(tokens.Get(CallerResolver.From(context), id), view => Results.Json(view, ApiJson.Options));

    private static async Task<IResult> SetRevokedAsync(HttpContext context, TokenService tokens, string id, CancellationToken cancellationToken)
    {
        var (document, error) = await JsonBody.ReadObjectAsync(context.Request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        using (document)
        {
            if (!JsonBody.TryGetBoolean(document!.RootElement, "revoke", out var revoke, out var invalid) || revoke is null)
            {
                return ApiResults.BadRequest(invalid ?? "revoke is required: true to revoke the token, false to restore it.");
            }

            return ApiResults.From(tokens.SetRevoked(CallerResolver.From(context), id, revoke.Value), result =>
                Results.Json(ApiResults.With(result.Token, ("message", result.Message)), ApiJson.Options));
        }
    }

    private static IResult Delete(HttpContext context, TokenService tokens, string id) =>
        ApiResults.From(tokens.Delete(CallerResolver.From(context), id), message => Results.Json(new { message }, ApiJson.Options));

    private static IResult GetUsage(HttpContext context, TokenUsageService usage, string id)
    {
        if (!QueryParameters.TryGetInt(context.Request, "days", 1, TokenUsageService.MaxDays, out var days, out var error))
        {
            return error!;
        }

        return ApiResults.From(usage.Get(CallerResolver.From(context), id, days ?? 30), view => Results.Json(view, ApiJson.Options));
    }

    private static (IssueTokenRequest? Request, string? Error) ParseCreate(JsonElement root)
    {
        if (!JsonBody.TryGetString(root, "name", out var name, out var error)
            || !JsonBody.TryGetBoolean(root, "scim_endpoints_only", out var scimOnly, out error)
            || !JsonBody.TryGetString(root, "user_id", out var userId, out error))
        {
            return (null, error);
        }

        if (TokenRules.CheckName(name) is { } badName)
        {
            return (null, badName);
        }

        if (!root.TryGetProperty("expires_in_days", out var expires))
        {
            return (null, "expires_in_days is required: a whole number of days from 1 to 365, or null for a token that never expires.");
        }

        int? days = null;
        if (expires.ValueKind != JsonValueKind.Null)
        {
            if (expires.ValueKind != JsonValueKind.Number || !expires.TryGetInt32(out var value))
            {
                return (null, "expires_in_days must be a whole number of days from 1 to 365, or null for a token that never expires.");
            }

            days = value;
        }

        if (TokenRules.CheckExpiresInDays(days) is { } badDays)
        {
            return (null, badDays);
        }

        return (new IssueTokenRequest(name!, days, scimOnly ?? false, string.IsNullOrEmpty(userId) ? null : userId), null);
    }
}
