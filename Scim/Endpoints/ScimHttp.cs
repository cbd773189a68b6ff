using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using ScimGateway.Scim.Errors;
using ScimGateway.Scim.Projection;
using ScimGateway.Scim.Resources;
using ScimGateway.Scim.Schemas;

namespace ScimGateway.Scim.Endpoints;

/// <summary>Reads SCIM requests: base URL, query parameters, and bodies (media type, size, JSON syntax).</summary>
internal static class ScimHttp
{
    /// <summary>The largest non-bulk body; a PATCH adding 50,000 members is about 3 MB.</summary>
    public const long MaxBodySize = 16 * 1_048_576;

    private static readonly JsonDocumentOptions s_document = new() { MaxDepth = 64 };

    /// <summary>
    /// The absolute base URL (RFC 7644 section 3.1 <c>meta.location</c>): the host's <see cref="IScimPublicOrigin"/>,
    /// else the request's scheme, host and path base.
    /// </summary>
    public static ScimContext Context(HttpRequest request) =>
        new((request.HttpContext.RequestServices.GetService(typeof(IScimPublicOrigin)) is IScimPublicOrigin origin
            ? origin.Origin
            : $"{request.Scheme}://{request.Host}{request.PathBase}") + ScimEndpointRouteBuilderExtensions.BasePath);

    public static ResourceQuery Query(HttpRequest request) => new(
        Filter: First(request, "filter"),
        SortBy: First(request, "sortBy"),
        SortOrder: First(request, "sortOrder"),
        StartIndex: Integer(First(request, "startIndex"), "startIndex"),
        Count: Integer(First(request, "count"), "count"),
        Attributes: First(request, "attributes"),
        ExcludedAttributes: First(request, "excludedAttributes"));

    public static AttributeProjection Projection(HttpRequest request, ScimSchemaSet schemas, Filtering.FilterLimits limits) =>
        AttributeProjection.Parse(First(request, "attributes"), First(request, "excludedAttributes"), schemas, limits);

    /// <summary>
    /// Reads a JSON body: <c>application/json</c> (Okta), <c>application/scim+json</c> with any charset (Entra), any
    /// other <c>+json</c> type, or no Content-Type at all; anything else is 415. Bad JSON is 400 <c>invalidSyntax</c>.
    /// </summary>
    public static async Task<JsonNode> ReadBodyAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        CheckMediaType(request.ContentType);
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw ScimException.BadRequest(ScimType.InvalidSyntax, "The request needs a JSON body.");
        }

        try
        {
            var node = JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), documentOptions: s_document)
                ?? throw ScimException.BadRequest(ScimType.InvalidSyntax, "The request body is JSON null.");
            Materialize(node);
            return node;
        }
        catch (JsonException ex)
        {
            throw ScimException.BadRequest(ScimType.InvalidSyntax, $"The request body is not valid JSON: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            throw ScimException.BadRequest(ScimType.InvalidSyntax, $"The request body is not valid JSON: {ex.Message}");
        }
    }

    public static string? First(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    private static int? Integer(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return (int)Math.Clamp(value, int.MinValue, int.MaxValue);
        }

        throw ScimException.BadRequest(ScimType.InvalidValue, $"'{name}' must be an integer.");
    }

    private static void CheckMediaType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return;
        }

        if (MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && (parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || parsed.MediaType.Equals(ScimJsonResult.MediaType, StringComparison.OrdinalIgnoreCase)
                || parsed.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        throw new ScimException(HttpStatusCode.UnsupportedMediaType, null,
            $"Content-Type '{contentType}' is not supported; send application/scim+json or application/json.");
    }

    /// <summary>Builds every object's property table now, so duplicate keys fail here as a 400 and not later.</summary>
    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Materialize(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Materialize(item);
                }

                break;
        }
    }

    private static ScimException TooLarge(long maxBytes) =>
        new(HttpStatusCode.RequestEntityTooLarge, null, $"The request body exceeds {maxBytes} bytes.");
}
