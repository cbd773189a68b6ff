using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ScimGateway.Scim.Endpoints;

namespace ScimGateway.Gateway.OpenApi;

/// <summary>
/// The document's title, the bearer security scheme (gateway tokens are JWTs, RFC 6750), and links to the SCIM
/// discovery endpoints, which describe the SCIM API themselves (RFC 7644 section 4).
/// </summary>
internal sealed class GatewayDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var scim = ScimEndpointRouteBuilderExtensions.BasePath;
        document.Info = new OpenApiInfo
        {
            Title = "ScimGateway",
            Version = "v1",
            Description = "The gateway's own API: tokens, service users, audit and health. Every other path under /api is "
                + "forwarded to the Qualytics API and is described by Qualytics. SCIM 2.0 (RFC 7643/7644) is served at "
                + $"{scim} and describes itself: {scim}/ServiceProviderConfig, {scim}/ResourceTypes and {scim}/Schemas.",
        };
        document.ExternalDocs = new OpenApiExternalDocs
        {
            Description = "SCIM 2.0 service provider configuration (discovery, RFC 7644 section 4)",
            Url = new Uri($"{scim}/ServiceProviderConfig", UriKind.Relative),
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A gateway token (personal or service) in Authorization: Bearer. A signed-in browser session also works.",
        };
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag
        {
            Name = "SCIM",
            Description = $"SCIM 2.0 Users, Groups, Bulk and search under {scim}, for SCIM-administration tokens; described by its discovery endpoints.",
            ExternalDocs = new OpenApiExternalDocs { Description = "SCIM schemas", Url = new Uri($"{scim}/Schemas", UriKind.Relative) },
        });
        return Task.CompletedTask;
    }
}
