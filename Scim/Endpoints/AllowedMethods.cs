namespace ScimGateway.Scim.Endpoints;

/// <summary>Endpoint metadata: the methods a path does allow, for the <c>Allow</c> header of a 405.</summary>
internal sealed record AllowedMethods(IReadOnlyList<string> Methods);
