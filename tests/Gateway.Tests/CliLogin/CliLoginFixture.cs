using ScimGateway.Gateway.Tests.Scim;
using ScimGateway.Scim.Users;
using ScimGateway.Tokens;

namespace ScimGateway.Gateway.Tests.CliLogin;

/// <summary>One gateway for the CLI sign-in tests; each test uses its own person, so they do not depend on each other.</summary>
public sealed class CliLoginFixture : IDisposable
{
    private int _people;

    public CliLoginFixture()
    {
        Gateway = new GatewayFactory();
        Scim = new ScimClient(Gateway.ClientWithToken(Gateway.IssueServiceToken("idp", Role.Admin, scim: true)));
    }

    public GatewayFactory Gateway { get; }

    /// <summary>A SCIM client, to deactivate people as an identity provider would.</summary>
    public ScimClient Scim { get; }

    /// <summary>A new person, their sign-in token, and a browser signed in with it.</summary>
    public async Task<(ScimUserRecord Person, string SignInToken, HttpClient Browser)> SignedInPersonAsync(string prefix = "cli")
    {
        // Provisioned through SCIM, as people who sign in are: people added on the command line cannot be
        // deactivated through SCIM, and these tests deactivate them the way an identity provider would.
        var created = await Scim.CreateUserAsync($"{prefix}.{Interlocked.Increment(ref _people)}@example.com");
        var person = Gateway.Service<IScimUserStore>().FindById(created.Str("id"))!;
        var token = Gateway.IssuePersonalToken(person, "browser sign-in");
        return (person, token, await Gateway.SignedInBrowserAsync(token));
    }

    public async Task DeactivateAsync(ScimUserRecord person) =>
        await (await Scim.PatchAsync($"/Users/{person.Id}", ScimClient.PatchBody("""{"op":"replace","value":{"active":false}}""")))
            .ExpectScimAsync(HttpStatusCode.OK);

    public void Dispose() => Gateway.Dispose();
}
