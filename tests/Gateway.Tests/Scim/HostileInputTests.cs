namespace ScimGateway.Gateway.Tests.Scim;

/// <summary>Malformed and hostile requests get SCIM 4xx errors, never a 500.</summary>
public sealed class HostileInputTests : IClassFixture<HostileInputTests.Seeded>
{
    private readonly Seeded _seeded;

    public HostileInputTests(Seeded seeded) => _seeded = seeded;

    public static TheoryData<string, string, string?> Requests => new()
    {
        { "GET", "/Users?filter=" + Uri.EscapeDataString(new string('(', 500) + "userName eq \"a\"" + new string(')', 500)), null },
        { "GET", "/Users?filter=" + Uri.EscapeDataString("emails[value eq \"a\"][type eq \"b\"]"), null },
        { "GET", "/Users?filter=" + Uri.EscapeDataString("meta.created gt \"not a date\""), null },
        { "GET", "/Users?filter=" + Uri.EscapeDataString("title gt 1e400"), null },
        { "GET", "/Users?sortBy=emails&sortOrder=sideways", null },
        { "GET", "/Users?attributes=%00,,,urn:&excludedAttributes=[]", null },
        { "GET", "/Users?startIndex=99999999999999999999", null },
        { "GET", "/Groups?filter=" + Uri.EscapeDataString("members.display eq \"x\""), null },
        { "POST", "/Users", "null" },
        { "POST", "/Users", "\"text\"" },
        { "POST", "/Users", """{"userName":123}""" },
        { "POST", "/Users", """{"userName":"hostile.a","emails":"not-an-array","name":"x"}""" },
        { "POST", "/Users", """{"userName":"hostile.b","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":"x"}""" },
        { "POST", "/Users", """{"userName":"hostile.c","active":"maybe"}""" },
        { "POST", "/Groups", """{"displayName":"G","members":"x"}""" },
        { "POST", "/Groups", """{"displayName":"G","members":[{"value":123}]}""" },
        { "POST", "/Groups", """{"displayName":["x"]}""" },
        { "PATCH", "/Users/{user}", """{"Operations":[{"op":"add","path":"members","value":[{"value":"x"}]}]}""" },
        { "PATCH", "/Users/{user}", """{"Operations":[{"op":"replace","path":"emails[type eq ","value":"x"}]}""" },
        { "PATCH", "/Users/{user}", """{"Operations":[{"op":"replace","path":"groups","value":[]}]}""" },
        { "PATCH", "/Users/{user}", """{"Operations":[{"op":"remove","path":"userName"}]}""" },
        { "PATCH", "/Users/{user}", """{"Operations":[{"op":"move","path":"title"}]}""" },
        { "PATCH", "/Users/{user}", """{"Operations":"x"}""" },
        { "PATCH", "/Users/{user}", """{"schemas":["urn:wrong"],"Operations":[]}""" },
        { "PATCH", "/Groups/{group}", """{"Operations":[{"op":"remove","path":"members[display eq \"x\"]"}]}""" },
        { "PATCH", "/Groups/{group}", """{"Operations":[{"op":"add","path":"members","value":[{"value":"{group}"}]}]}""" },
        { "PUT", "/Users/{user}", """{"userName":""}""" },
        { "PUT", "/Groups/{group}", """{"members":[]}""" },
        { "POST", "/Users/.search", """{"count":"lots"}""" },
        { "POST", "/Users/.search", """{"startIndex":1e400}""" },
        { "POST", "/.search", """{"filter":"nonsense eq 1"}""" },
        { "POST", "/Bulk", """{"Operations":[1,{"method":"GET","path":"/Users"},{"method":"POST","path":"/Nope"},{"method":"POST","path":"/Users","bulkId":"a","data":{"userName":"bulkId:b"}},{"method":"POST","path":"/Users","bulkId":"b","data":{"userName":"bulkId:a"}}]}""" },
        { "POST", "/Bulk", """{"failOnErrors":1e400,"Operations":[]}""" },
        { "POST", "/Bulk", """{"Operations":[{"method":"PATCH","path":"/Users/{user}","data":null}]}""" },
        { "DELETE", "/Users/%2e%2e%2fGroups", null },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task HostileRequest_ScimClientError(string method, string path, string? body)
    {
        path = path.Replace("{user}", _seeded.User, StringComparison.Ordinal).Replace("{group}", _seeded.Group, StringComparison.Ordinal);
        body = body?.Replace("{group}", _seeded.Group, StringComparison.Ordinal);
        var response = await _seeded.Fixture.Scim.SendAsync(new HttpMethod(method), path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 200 and < 500, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>One user and one group to aim at.</summary>
    public sealed class Seeded : IAsyncLifetime, IDisposable
    {
        public ScimFixture Fixture { get; } = new();

        public string User { get; private set; } = "";

        public string Group { get; private set; } = "";

        public async Task InitializeAsync()
        {
            User = (await Fixture.Scim.CreateUserAsync("hostile@example.com")).Str("id");
            Group = (await Fixture.Scim.CreateGroupAsync("Hostile", User)).Str("id");
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => Fixture.Dispose();
    }
}
