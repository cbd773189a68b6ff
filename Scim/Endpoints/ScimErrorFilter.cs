using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ScimGateway.Scim.Errors;

namespace ScimGateway.Scim.Endpoints;

/// <summary>
/// The one place that turns failures under the SCIM base path into SCIM error bodies (RFC 7644 section 3.12):
/// <see cref="ScimException"/>s as they are, malformed requests as 400, anything unexpected as a logged 500 that still
/// has a SCIM body.
/// </summary>
internal sealed partial class ScimErrorFilter(ILogger<ScimErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ScimException ex)
        {
            return ScimJsonResult.Error(ex.Error);
        }
        catch (BadHttpRequestException ex)
        {
            var status = (HttpStatusCode)ex.StatusCode;
            return ScimJsonResult.Error(new ScimError(status, status == HttpStatusCode.BadRequest ? ScimType.InvalidSyntax : null, ex.Message));
        }
        catch (JsonException ex)
        {
            return ScimJsonResult.Error(new ScimError(HttpStatusCode.BadRequest, ScimType.InvalidSyntax, $"The request body is not valid JSON: {ex.Message}"));
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty; // The client went away.
        }
        catch (Exception ex)
        {
            LogUnexpected(logger, ex, context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return ScimJsonResult.Error(new ScimError(HttpStatusCode.InternalServerError, null, "The SCIM request failed unexpectedly; see the server log."));
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "SCIM request {Method} {Path} failed unexpectedly.")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
