using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ScimGateway.TestSupport.Clients;

/// <summary>Typed helpers for the SCIM endpoints, over a client that carries a SCIM token.</summary>
public sealed class ScimClient(HttpClient http)
{
    public const string Base = "/api/scim/v2";

    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(Base + path);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string contentType = "application/scim+json", Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, Base + path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        configure?.Invoke(request);
        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string path, string json, string contentType = "application/scim+json") => SendAsync(HttpMethod.Post, path, json, contentType);

    public Task<HttpResponseMessage> PatchAsync(string path, string json) => SendAsync(HttpMethod.Patch, path, json);

    public Task<HttpResponseMessage> PutAsync(string path, string json) => SendAsync(HttpMethod.Put, path, json);

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<JsonElement> CreateUserAsync(string userName, string? extra = null)
    {
        var body = $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}",
             "name":{"givenName":"Given","familyName":"Family"},"emails":[{"value":"{{userName}}","type":"work","primary":true}],
             "active":true{{(extra is null ? "" : "," + extra)}} }
            """;
        return await (await PostAsync("/Users", body)).ExpectScimAsync(HttpStatusCode.Created);
    }

    public async Task<JsonElement> CreateGroupAsync(string displayName, params string[] memberIds)
    {
        var members = string.Join(",", memberIds.Select(id => $$"""{"value":"{{id}}"}"""));
        var body = $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"{{displayName}}","members":[{{members}}]}""";
        return await (await PostAsync("/Groups", body)).ExpectScimAsync(HttpStatusCode.Created);
    }

    /// <summary>
    /// A PATCH answered the default way (<c>Scim:PatchResponse</c> unset: 200 with the user for Users, 204 with the new
    /// ETag for Groups), then the resource read back; a 200 body must equal what the read returns.
    /// </summary>
    public async Task<JsonElement> PatchThenGetAsync(string path, string json)
    {
        var response = await PatchAsync(path, json);
        var body = await response.Content.ReadAsStringAsync();
        var expected = path.StartsWith("/Users", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.NoContent;
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        var read = await GetAsync(path);
        var resource = await read.ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(read.Headers.ETag?.ToString(), response.Headers.ETag?.ToString());
        if (expected == HttpStatusCode.NoContent)
        {
            Assert.Empty(body);
        }
        else
        {
            Assert.Equal(resource.GetRawText(), JsonDocument.Parse(body).RootElement.GetRawText());
        }

        return resource;
    }

    public static string PatchBody(params string[] operations) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{{string.Join(",", operations)}}]}""";
}
