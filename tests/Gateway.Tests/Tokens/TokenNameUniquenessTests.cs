namespace ScimGateway.Gateway.Tests.Tokens;

public sealed class TokenNameUniquenessTests : IDisposable
{
    private readonly GatewayFactory _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Create_SameNameSameOwnerAnyCase_Is409()
    {
        var client = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("alice"), "bootstrap"));
        await (await client.PostJsonAsync("/api/user-tokens", new { name = "Deploy", expires_in_days = 30 })).ExpectJsonAsync(HttpStatusCode.Created);

        var detail = await (await client.PostJsonAsync("/api/user-tokens", new { name = "dEPLOY", expires_in_days = 30 }))
            .ExpectProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("already exists", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SameNameOtherOwner_Succeeds()
    {
        var alice = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("alice"), "bootstrap"));
        var bob = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("bob"), "bootstrap"));

        await (await alice.PostJsonAsync("/api/user-tokens", new { name = "deploy", expires_in_days = 30 })).ExpectJsonAsync(HttpStatusCode.Created);
        await (await bob.PostJsonAsync("/api/user-tokens", new { name = "deploy", expires_in_days = 30 })).ExpectJsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Create_FiftyConcurrentSameName_ExactlyOneSucceeds()
    {
        var client = _gateway.ClientWithToken(_gateway.IssuePersonalToken(_gateway.AddUser("alice"), "bootstrap"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => client.PostJsonAsync("/api/user-tokens", new { name = "race", expires_in_days = 30 })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(49, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var list = await (await client.GetAsync("/api/user-tokens")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, list.EnumerateArray().Count(t => t.GetProperty("name").GetString() == "race"));
    }
}
