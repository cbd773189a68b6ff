using ScimGateway.TestSupport.Processes;

namespace ScimGateway.Gateway.Tests.Hosting;

/// <summary>
/// <c>ASPNETCORE_URLS</c> chooses where the gateway listens also when the process starts in a folder holding the
/// shipped <c>appsettings.json</c> (which then loads from the content root, above the environment's host settings).
/// </summary>
public sealed class ListenAddressTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AspNetCoreUrls_IsHonoured_WhenAppSettingsSitsInTheWorkingDirectory()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), _directory.File("appsettings.json"));

        // GatewayProcess passes its address as ASPNETCORE_URLS only, and waits until the gateway answers there.
        await using var gateway = await GatewayProcess.StartAsync(_directory.Path, new Dictionary<string, string>());
        using var client = new HttpClient { BaseAddress = gateway.Address };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }
}
