using System.IdentityModel.Tokens.Jwt;

namespace ScimGateway.Gateway.Tests.Cli;

public sealed class CommandLineTests
{
    [Fact]
    public async Task TokensIssue_PrintsOnlyTheToken_AndItWorksAgainstTheStartedServer()
    {
        using var directory = new TempDirectory();

        var added = await CliProcess.RunAsync(directory.Path, "users", "add", "--user-name", "admin@example.com", "--role", "Admin");
        Assert.True(added.ExitCode == 0, added.StandardError);
        var issued = await CliProcess.RunAsync(directory.Path, "tokens", "issue", "--user", "admin@example.com", "--name", "bootstrap", "--expires-in-days", "30");
        Assert.True(issued.ExitCode == 0, issued.StandardError);
        var service = await CliProcess.RunAsync(directory.Path, "tokens", "issue", "--service-user", "Okta Provisioning", "--role", "Admin",
            "--name", "okta", "--expires-in-days", "never", "--scim");
        Assert.True(service.ExitCode == 0, service.StandardError);

        var token = issued.StandardOutput.Trim();
        Assert.Single(issued.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.NotNull(new JwtSecurityTokenHandler().ReadJwtToken(token).Payload.Expiration);
        Assert.Null(new JwtSecurityTokenHandler().ReadJwtToken(service.StandardOutput.Trim()).Payload.Expiration);

        await using var gateway = new GatewayFactory(directory.Path);
        var tokens = await (await gateway.ClientWithToken(token).GetAsync("/api/user-tokens")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("bootstrap", tokens[0].GetProperty("name").GetString());
        var serviceTokens = await (await gateway.ClientWithToken(token).GetAsync("/api/user-tokens/service")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("okta_provisioning@service", serviceTokens[0].GetProperty("user").GetProperty("id").GetString());
        Assert.True(serviceTokens[0].GetProperty("scim_endpoints_only").GetBoolean());
    }

    [Fact]
    public async Task SecondProcessOnTheSameDataDirectory_FailsWithMessageAndNonZeroExit()
    {
        using var directory = new TempDirectory();
        await using var gateway = new GatewayFactory(directory.Path);
        _ = gateway.Server;

        var second = await CliProcess.RunAsync(directory.Path, "users", "add", "--user-name", "intruder");

        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains(directory.Path, second.StandardError, StringComparison.Ordinal);
        Assert.Contains("in use", second.StandardError, StringComparison.Ordinal);
        Assert.Equal("", second.StandardOutput);
    }

    [Fact]
    public async Task SecondServerOnTheSameDataDirectory_ExitsAtOnce()
    {
        using var directory = new TempDirectory();
        await using var gateway = new GatewayFactory(directory.Path);
        _ = gateway.Server;

        var second = await CliProcess.RunAsync(directory.Path, "--urls", "http://127.0.0.1:0");

        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains(directory.Path, second.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tokens", "issue", "--user", "nobody", "--name", "x")]
    [InlineData("tokens", "issue", "--name", "x")]
    [InlineData("tokens", "issue", "--user", "a", "--name", "x", "--expires-in-days", "400")]
    [InlineData("tokens", "issue", "--user", "a", "--name")]
    [InlineData("tokens", "revoke")]
    [InlineData("users", "add", "--user-name", "a", "--role", "King")]
    [InlineData("users", "add", "--bogus")]
    public async Task BadCommands_GoToStderrWithNonZeroExit(params string[] args)
    {
        using var directory = new TempDirectory();

        var result = await CliProcess.RunAsync(directory.Path, args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("error:", result.StandardError, StringComparison.Ordinal);
        Assert.Equal("", result.StandardOutput);
    }
}
