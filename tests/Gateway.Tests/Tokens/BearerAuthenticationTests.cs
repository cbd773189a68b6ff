using System.Text;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Storage.LiteDb;

namespace ScimGateway.Gateway.Tests.Tokens;

public sealed class BearerAuthenticationTests : IDisposable
{
    private readonly GatewayFactory _gateway;
    private CountingTokenStore? _store;

    public BearerAuthenticationTests()
    {
        _gateway = new GatewayFactory();
        _gateway.WithServices(services => services.Replace(ServiceDescriptor.Singleton<ITokenStore>(sp =>
            _store = new CountingTokenStore(new LiteDbTokenStore(sp.GetRequiredService<ILiteDatabase>())))));
    }

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task MissingAuthorization_Is401WithBareBearerChallenge()
    {
        var response = await _gateway.CreateClient().GetAsync("/api/user-tokens");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("Basic eDp5")]
    [InlineData("Bearer")]
    [InlineData("Bearer    ")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.!!!")]
    [InlineData("bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJlMTIzNDU2")]
    public async Task MalformedCredentials_Are401InvalidToken(string authorization)
    {
        var client = _gateway.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/user-tokens");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        await response.ExpectProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TenKilobyteToken_Is401Or431_Never500()
    {
        var client = _gateway.ClientWithToken(new string('a', 5000) + "." + new string('b', 5000) + "." + new string('c', 240));

        var response = await client.GetAsync("/api/user-tokens");

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.RequestHeaderFieldsTooLarge });
    }

    [Fact]
    public async Task WellFormedTokenWithWrongSignature_Is401_WithoutADatabaseRead()
    {
        var good = _gateway.IssuePersonalToken(_gateway.AddUser("alice"), "real");
        var forged = good[..(good.LastIndexOf('.') + 1)] + Convert.ToBase64String(Encoding.ASCII.GetBytes("0123456789abcdef0123456789abcdef"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var readsBefore = _store!.Reads;

        var response = await _gateway.ClientWithToken(forged).GetAsync("/api/user-tokens");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(readsBefore, _store.Reads);
    }

    [Fact]
    public async Task ValidToken_SecondRequestIsServedFromCache_WithoutATokenLookup()
    {
        var client = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("alice"), "real"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/user-tokens/nothing-here")).StatusCode);
        var readsAfterFirst = _store!.Reads;

        await client.GetAsync("/api/user-tokens/nothing-here");

        // The handler's lookup is cached; only the endpoint's own FindById read remains.
        Assert.Equal(readsAfterFirst + 1, _store.Reads);
    }

    [Fact]
    public async Task TokenFromAnotherGatewayKey_Is401()
    {
        using var otherDirectory = new TempDirectory();
        await using var other = new GatewayFactory(otherDirectory.Path);
        var foreign = other.IssuePersonalToken(other.AddUser("alice"), "elsewhere");
        _gateway.AddUser("alice");

        var response = await _gateway.ClientWithToken(foreign).GetAsync("/api/user-tokens");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
