using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ScimGateway.Gateway.OpenApi;

/// <summary>
/// For every endpoint that needs authorization: the bearer security requirement and the 401 and 403 problems the
/// authentication handler answers (RFC 6750 section 3: <c>WWW-Authenticate: Bearer</c>). Plus the documented examples.
/// </summary>
internal sealed class GatewayOperationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<DocumentedRequestBody>().FirstOrDefault() is { } body && operation.RequestBody is null)
        {
            var schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
            context.Document!.AddComponent(body.Type.Name, schema);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(body.Type.Name, context.Document) },
                },
            };
        }

        foreach (var parameter in metadata.OfType<DocumentedQueryParameter>())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Required = false,
                Description = parameter.Description,
                Schema = parameter.Kind switch
                {
                    "integer" => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = parameter.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture), Maximum = parameter.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    "boolean" => new OpenApiSchema { Type = JsonSchemaType.Boolean },
                    _ => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Api.QueryParameters.MaxTextLength },
                },
            });
        }

        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(GatewayDocumentTransformer.BearerScheme, context.Document)] = [],
            });
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", Problem(context, "No, a malformed, unknown, expired or revoked token.",
                "Bearer error=\"invalid_token\", error_description=\"...\" (no error when no credentials were sent)"));
            operation.Responses.TryAdd("403", Problem(context, "The token or session may not call this endpoint (for example a SCIM token, or not an admin).",
                "Bearer error=\"insufficient_scope\", error_description=\"...\""));
        }

        OpenApiExamples.Apply(operation, context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName);
    }

    private static OpenApiResponse Problem(OpenApiOperationTransformerContext context, string description, string challenge) => new()
    {
        Description = description,
        Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["WWW-Authenticate"] = new OpenApiHeader { Description = challenge, Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
        },
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
        },
    };
}
