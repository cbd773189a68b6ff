using System.Text.Json;

namespace ScimGateway.TestSupport.Clients;

/// <summary>Checks on SCIM responses.</summary>
public static class ScimAssertions
{
    public static async Task<JsonElement> ExpectScimAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Expects a SCIM error body with a string status and a detail; returns the scimType (or null).</summary>
    public static async Task<string?> ExpectScimErrorAsync(this HttpResponseMessage response, HttpStatusCode status, string? scimType = null)
    {
        var body = await response.ExpectScimAsync(status);
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", body.GetProperty("schemas")[0].GetString());
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        var type = body.TryGetProperty("scimType", out var t) ? t.GetString() : null;
        if (scimType is not null)
        {
            Assert.Equal(scimType, type);
        }

        return type;
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    public static int Total(this JsonElement list) => list.GetProperty("totalResults").GetInt32();

    public static List<JsonElement> Resources(this JsonElement list) =>
        list.TryGetProperty("Resources", out var r) ? r.EnumerateArray().ToList() : [];
}
