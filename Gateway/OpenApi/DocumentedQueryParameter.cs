namespace ScimGateway.Gateway.OpenApi;

/// <summary>
/// A query parameter an endpoint reads itself (through <c>QueryParameters</c>, so that a bad value is a 400 naming it),
/// for the document only: handlers that read the query string themselves are invisible to the framework's binder.
/// </summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Description">What it selects, with its range.</param>
/// <param name="Kind">The JSON type: <c>integer</c>, <c>boolean</c> or <c>string</c>.</param>
/// <param name="Minimum">For integers, the smallest value accepted.</param>
/// <param name="Maximum">For integers, the largest value accepted.</param>
public sealed record DocumentedQueryParameter(string Name, string Description, string Kind = "string", int? Minimum = null, int? Maximum = null);
