namespace ScimGateway.Gateway.OpenApi;

/// <summary>The operation groups of the document.</summary>
internal static class OpenApiTags
{
    public const string Tokens = "Tokens";
    public const string ServiceUsers = "Service users";
    public const string Audit = "Audit";
}
