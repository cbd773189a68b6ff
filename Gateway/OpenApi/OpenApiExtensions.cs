using Microsoft.OpenApi;
using Scalar.AspNetCore;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Gateway.Web;

namespace ScimGateway.Gateway.OpenApi;

/// <summary>The OpenAPI 3.1 document of the gateway's own API at <c>/openapi/v1.json</c> and its reference page at <c>/docs/api</c>.</summary>
public static class OpenApiExtensions
{
    /// <summary>The document's name.</summary>
    public const string DocumentName = "v1";

    /// <summary>The reference page's path.</summary>

    // The gateway's own API. SCIM describes itself (discovery endpoints); the proxied Qualytics API is Qualytics'.
    private static readonly string[] s_documentedPrefixes = ["api/user-tokens", "api/service-users", "api/audit", "healthz"];

    /// <summary>Adds the document generator with the gateway's transformers.</summary>
    public static IServiceCollection AddGatewayOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => description.RelativePath is { } path
                && s_documentedPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
            options.AddDocumentTransformer<GatewayDocumentTransformer>();
            options.AddOperationTransformer<GatewayOperationTransformer>();
            options.AddSchemaTransformer<TimestampSchemaTransformer>();
        });

    /// <summary>Maps the document (anyone) and the reference page (signed-in browser sessions).</summary>
    public static IEndpointRouteBuilder MapGatewayOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapScalarApiReference(GatewayRoutes.ApiReference, options => options
                .WithTitle("ScimGateway API")
                .WithOpenApiRoutePattern(GatewayRoutes.OpenApiDocument))
            .RequireAuthorization(GatewayPolicies.Session);
        return endpoints;
    }
}
