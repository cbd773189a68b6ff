using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ScimGateway.Gateway.OpenApi;

/// <summary>
/// Timestamps go through the API's own converter (UTC, ending in Z), which hides their type from the schema
/// generator; this puts back <c>string</c> (or <c>string</c> or <c>null</c>) with the <c>date-time</c> format.
/// </summary>
internal sealed class TimestampSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime))
        {
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format = "date-time";
        }

        return Task.CompletedTask;
    }
}
