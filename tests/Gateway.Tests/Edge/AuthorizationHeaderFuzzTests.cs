using CsCheck;
using ScimGateway.Gateway.Tests.Proxy;

namespace ScimGateway.Gateway.Tests.Edge;

/// <summary>
/// Property tests of the bearer handler's <c>Authorization</c> parsing through the whole pipeline: any hostile header
/// value is an RFC 6750 401 (problem+json, <c>WWW-Authenticate: Bearer ...</c>) and never another status or a 500;
/// only the issued token itself, in any legal spelling of the scheme, is accepted.
/// </summary>
public sealed class AuthorizationHeaderFuzzTests : IClassFixture<ProxyFixture>
{
    private readonly string _token;
    private readonly HttpClient _client;

    public AuthorizationHeaderFuzzTests(ProxyFixture fixture)
    {
        _token = fixture.Gateway.IssuePersonalToken(fixture.Gateway.AddUser($"fuzz-{Guid.NewGuid():N}"));
        _client = fixture.Gateway.CreateClient();
    }

    /// <summary>Header characters a client can send (no CR or LF, which never get past Kestrel) and some that should not be there.</summary>
    private static readonly Gen<char> HeaderChar = Gen.OneOf(
        Gen.Char['\x20', '\x7E'],
        Gen.OneOf('\t', '\0', '\x7F', 'é', '\u00A0', '\uD800', '\uFFFF', '.', '=', ',', ' '));

    [Fact]
    public async Task HostileAuthorizationValues_AreAlways401()
    {
        var prefixes = Gen.OneOf("", "Bearer ", "bearer ", "BEARER  ", "Bearer", "Basic ", "Bearer\t", " Bearer ", "Bearer ,", "Bearer Bearer ");
        var values =
            from prefix in prefixes
            from body in Gen.OneOf(
                HeaderChar.Array[0, 120].Select(chars => new string(chars)),
                Gen.Int[1, 3].Select(n => Mutate(_token, n)),
                Gen.Const(_token + "," + _token),
                Gen.Int[4000, 9000].Select(n => new string('a', n)))
            select prefix + body;

        await values.SampleAsync(value => ExpectUnauthorizedAsync([value]), iter: 1_500, threads: 1);
    }

    [Fact]
    public async Task SeveralAuthorizationHeaders_AreRefused_EvenWithTheValidTokenFirst()
    {
        await ExpectUnauthorizedAsync([$"Bearer {_token}", "Bearer x.y.z"]);
        await ExpectUnauthorizedAsync([$"Bearer {_token}", $"Bearer {_token}"]);
    }

    [Theory]
    [InlineData("Bearer {0}")]
    [InlineData("bearer {0}")]
    [InlineData("BEARER {0}")]
    [InlineData("Bearer   {0}   ")]
    public async Task IssuedToken_InAnyLegalSpellingOfTheScheme_IsAccepted(string format)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user-tokens");
        request.Headers.TryAddWithoutValidation("Authorization", string.Format(System.Globalization.CultureInfo.InvariantCulture, format, _token));

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task ExpectUnauthorizedAsync(string[] values)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/user-tokens");
        Assert.True(request.Headers.TryAddWithoutValidation("Authorization", values));

        using var response = await _client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{string.Join(" | ", values)} -> {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    private static string Mutate(string token, int seed)
    {
        var random = new Random(seed * 7919 + token.Length);
        var chars = token.ToCharArray();
        var at = random.Next(chars.Length);
        chars[at] = chars[at] == 'A' ? 'B' : 'A';
        return new string(chars);
    }
}
