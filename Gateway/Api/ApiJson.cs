using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScimGateway.Gateway.Api;

/// <summary>JSON settings of the gateway's own API: Qualytics' snake_case, UTC timestamps ending in Z.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new UtcTimestampConverter());
        return options;
    }
}
