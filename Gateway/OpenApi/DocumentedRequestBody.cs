namespace ScimGateway.Gateway.OpenApi;

/// <summary>
/// The JSON body an endpoint reads itself, for the document only. Unlike <c>Accepts&lt;T&gt;()</c>, this adds no
/// content-type constraint to routing: a request with another content type must still reach the handler and get its
/// 400, not fall through to the proxy route.
/// </summary>
/// <param name="Type">The shape of the body.</param>
public sealed record DocumentedRequestBody(Type Type);
