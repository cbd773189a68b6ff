using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ScimGateway.Scim.Resources;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Endpoints;

/// <summary>Maps the SCIM 2.0 service (RFC 7644) under <see cref="BasePath"/>.</summary>
public static class ScimEndpointRouteBuilderExtensions
{
    /// <summary>The SCIM base path.</summary>
    public const string BasePath = "/api/scim/v2";

    private static readonly string[] s_methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    /// <summary>
    /// Maps every SCIM endpoint, the 405 answers for other methods on them, a 404 for unknown paths under the base
    /// path and the SCIM error mapping. Returns the route group so that the host attaches its authorization policy.
    /// </summary>
    public static RouteGroupBuilder MapScim(this IEndpointRouteBuilder endpoints)
    {
        var scim = endpoints.MapGroup(BasePath);
        scim.AddEndpointFilterFactory(ScimMetricsFilter.Create);
        scim.AddEndpointFilter<ScimErrorFilter>();

        MapResource<ScimUsers>(scim, ScimSchemaSet.User.Endpoint);
        MapResource<ScimGroups>(scim, ScimSchemaSet.Group.Endpoint);

        scim.MapPost("/.search", ServiceEndpoints.RootSearch);
        Others(scim, "/.search", "POST");
        scim.MapPost("/Bulk", ServiceEndpoints.Bulk);
        Others(scim, "/Bulk", "POST");

        scim.MapGet("/ServiceProviderConfig", DiscoveryEndpoints.ServiceProviderConfig);
        Others(scim, "/ServiceProviderConfig", "GET");
        scim.MapGet("/ResourceTypes", DiscoveryEndpoints.ResourceTypes);
        Others(scim, "/ResourceTypes", "GET");
        scim.MapGet("/ResourceTypes/{name}", DiscoveryEndpoints.ResourceType);
        Others(scim, "/ResourceTypes/{name}", "GET");
        scim.MapGet("/Schemas", DiscoveryEndpoints.Schemas);
        Others(scim, "/Schemas", "GET");
        scim.MapGet("/Schemas/{id}", DiscoveryEndpoints.Schema);
        Others(scim, "/Schemas/{id}", "GET");

        scim.MapMethods("/Me", s_methods, ServiceEndpoints.Me);
        scim.MapMethods("/Me/{**rest}", s_methods, ServiceEndpoints.Me);
        scim.Map("/{**rest}", ServiceEndpoints.NotFound);
        return scim;
    }

    private static void MapResource<T>(RouteGroupBuilder scim, string endpoint)
        where T : class, IScimResources
    {
        scim.MapGet(endpoint, ResourceEndpoints<T>.List);
        scim.MapPost(endpoint, ResourceEndpoints<T>.Create);
        Others(scim, endpoint, "GET", "POST");
        scim.MapPost($"{endpoint}/.search", ResourceEndpoints<T>.Search);
        Others(scim, $"{endpoint}/.search", "POST");
        var item = $"{endpoint}/{{id}}";
        scim.MapGet(item, ResourceEndpoints<T>.Get);
        scim.MapPut(item, ResourceEndpoints<T>.Replace);
        scim.MapPatch(item, ResourceEndpoints<T>.Patch);
        scim.MapDelete(item, ResourceEndpoints<T>.Delete);
        Others(scim, item, "GET", "PUT", "PATCH", "DELETE");
    }

    /// <summary>405 with <c>Allow</c> for every other method, as a SCIM error (routing's own 405 has no body).</summary>
    private static void Others(RouteGroupBuilder scim, string pattern, params string[] allowed) =>
        scim.MapMethods(pattern, s_methods.Except(allowed), ServiceEndpoints.MethodNotAllowed)
            .WithMetadata(new AllowedMethods(allowed));
}
