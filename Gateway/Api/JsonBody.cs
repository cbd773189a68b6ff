using System.Text.Json;

namespace ScimGateway.Gateway.Api;

/// <summary>
/// Reads a JSON object body with errors that say what is wrong, instead of model binding's bare 400s: clients of a
/// token API need to know which field was rejected and why.
/// </summary>
internal static class JsonBody
{
    public static async Task<(JsonDocument? Document, IResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, ApiResults.BadRequest($"Content-Type must be application/json (got '{request.ContentType ?? "none"}')."));
        }

        // The body limit (Gateway:Limits:ApiBodyBytes) is enforced as the body is read, chunked or not, by the
        // request-edge middleware; reading past it raises a 413 BadHttpRequestException.
        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                return (null, ApiResults.BadRequest("The request body must be a JSON object."));
            }

            return (document, null);
        }
        catch (JsonException ex)
        {
            return (null, ApiResults.BadRequest($"The request body is not valid JSON: {ex.Message}"));
        }
        catch (BadHttpRequestException ex)
        {
            // Over the body limit (413), or a malformed chunked body (400): the client's fault either way.
            return (null, ApiResults.Problem(ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"The request body is too large: {ex.Message}"
                : $"The request body could not be read: {ex.Message}"));
        }
    }

    /// <summary>Reads an optional string; error when present with another type.</summary>
    public static bool TryGetString(JsonElement root, string name, out string? value, out string? error)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            error = $"{name} must be a string.";
            return false;
        }

        if (!TryGetString(element, out var text))
        {
            error = $"{name} must be valid Unicode text.";
            return false;
        }

        value = text;
        return true;
    }

    private static bool TryGetString(JsonElement element, out string text)
    {
        // A lone surrogate such as "\ud800" is valid JSON but not valid text: GetString throws on it.
        try
        {
            text = element.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>Reads an optional boolean; error when present with another type.</summary>
    public static bool TryGetBoolean(JsonElement root, string name, out bool? value, out string? error)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            error = $"{name} must be true or false.";
            return false;
        }

        value = element.GetBoolean();
        return true;
    }

    /// <summary>Reads an optional array of strings; error when present with another shape.</summary>
    public static bool TryGetStrings(JsonElement root, string name, out IReadOnlyList<string>? value, out string? error)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            error = $"{name} must be an array of strings.";
            return false;
        }

        var strings = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (!TryGetString(item, out var text))
            {
                error = $"{name} must contain valid Unicode text.";
                return false;
            }

            strings.Add(text);
        }

        value = strings;
        return true;
    }
}
