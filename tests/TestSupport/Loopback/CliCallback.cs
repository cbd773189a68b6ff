using System.Text.Json;

namespace ScimGateway.TestSupport.Loopback;

/// <summary>What the CLI's callback server received.</summary>
/// <param name="Query">The query parameters.</param>
/// <param name="Referer">The Referer header, empty when none was sent.</param>
public sealed record CliCallback(IReadOnlyDictionary<string, string> Query, string Referer)
{
    /// <summary>
    /// The CLI's own checks before it saves anything: the state it sent, no error, a token that decodes as a JWT and has
    /// not expired. Returns the token and its payload.
    /// </summary>
    public (string Token, JsonElement Payload) AcceptAsTheCliDoes(string expectedState)
    {
        Assert.Equal(expectedState, Query["state"]);
        Assert.False(Query.ContainsKey("error"), "The callback carried an error.");
        var token = Query["token"];
        var payload = Jwt.DecodeWithoutKey(token).Payload;
        Assert.True(payload.GetProperty("exp").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds(), "The token has expired.");
        return (token, payload);
    }
}
