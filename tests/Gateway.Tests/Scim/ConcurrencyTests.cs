namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>Parallel writes: Okta retries creates; Entra and Okta push members in parallel.</summary>
public sealed class ConcurrencyTests : IClassFixture<ScimFixture>
{
    private readonly ScimFixture _fixture;

    public ConcurrencyTests(ScimFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task TenParallelIdenticalPosts_One201NineConflicts()
    {
        var body = """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"parallel@example.com"}""";
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _fixture.Scim.PostAsync("/Users", body)));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task TwentyParallelMemberAdds_NoneLost()
    {
        var users = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            users.Add((await _fixture.Scim.CreateUserAsync($"member{i}@example.com")).Str("id"));
        }

        var group = (await _fixture.Scim.CreateGroupAsync("Parallel")).Str("id");
        var responses = await Task.WhenAll(users.Select(id => _fixture.Scim.PatchAsync($"/Groups/{group}",
            ScimClient.PatchBody($$"""{"op":"add","path":"members","value":[{"value":"{{id}}"}]}"""))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));

        var read = await (await _fixture.Scim.GetAsync($"/Groups/{group}")).ExpectScimAsync(HttpStatusCode.OK);
        Assert.Equal(users.Order().ToList(), read.GetProperty("members").EnumerateArray().Select(m => m.Str("value")).Order().ToList());
        Assert.Equal("W/\"21\"", read.GetProperty("meta").Str("version"));
    }
}
