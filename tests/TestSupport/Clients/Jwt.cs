using System.Text.Json;

namespace ScimGateway.TestSupport.Clients;

/// <summary>
/// Reads a JWT the way the <c>qualytics</c> CLI does before it uses a token: split on dots, base64url-decode the header
/// and payload by hand, parse them as JSON, no key involved.
/// </summary>
public static class Jwt
{
    public static (JsonElement Header, JsonElement Payload) DecodeWithoutKey(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        return (Parse(parts[0]), Parse(parts[1]));
    }

    public static string TokenId(string token) => DecodeWithoutKey(token).Payload.GetProperty("jti").GetString()!;

    private static JsonElement Parse(string segment)
    {
        var padded = segment.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        Assert.DoesNotContain('=', segment);
        return JsonDocument.Parse(Convert.FromBase64String(padded)).RootElement.Clone();
    }
}
