using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Resources;

namespace ScimGateway.Scim.Endpoints;

/// <summary>
/// A SCIM response: always <c>application/scim+json</c> (RFC 7644 section 3.1), whatever the request's
/// <c>Accept</c> said (Okta and Entra send none or <c>*/*</c>), with <c>Location</c> and <c>ETag</c> when known.
/// </summary>
internal sealed class ScimJsonResult(int status, JsonNode? body, string? location = null, string? etag = null) : IResult
{
    public const string MediaType = "application/scim+json";

    private static readonly JsonWriterOptions s_writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int Status => status;

    public static ScimJsonResult From(ScimResult result) => new(result.Status, result.Body, result.Location, result.ETag);

    public static ScimJsonResult Error(ScimError error) => new((int)error.Status, error.ToJson());

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = status;
        if (location is not null && status == StatusCodes.Status201Created)
        {
            response.Headers.Location = location;
        }

        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }

        if (body is null)
        {
            return;
        }

        response.ContentType = MediaType + "; charset=utf-8";
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, s_writer))
        {
            body.WriteTo(writer);
        }

        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), httpContext.RequestAborted);
    }
}
