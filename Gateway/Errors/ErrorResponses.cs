using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using ScimGateway.Gateway.Authentication;
using ScimGateway.Scim.Errors;

namespace ScimGateway.Gateway.Errors;

/// <summary>
/// The one place that writes error bodies outside endpoint results: SCIM error bodies under the SCIM base path,
/// <c>application/problem+json</c> everywhere else.
/// </summary>
internal static class ErrorResponses
{
    public static Task WriteAsync(HttpContext context, int status, string detail, string? scimType = null)
    {
        context.Response.StatusCode = status;
        if (ScimOnlyRule.IsScimPath(context.Request.Path))
        {
            context.Response.ContentType = "application/scim+json";
            // The SCIM module's own shape, so that 401/403 from authentication match the endpoints' errors exactly.
            var body = new ScimError((HttpStatusCode)status, scimType, detail).ToJson();
            return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        }

        var problem = new ProblemDetails { Status = status, Title = ReasonPhrases.For(status), Detail = detail, Instance = context.Request.Path };
        return context.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", context.RequestAborted);
    }
}
