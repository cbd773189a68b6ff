namespace ScimGateway.Gateway.OpenApi;

/// <summary>A confirmation, such as "The User token has been successfully deleted".</summary>
public sealed record MessageView(string Message);
