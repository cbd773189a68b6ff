namespace ScimGateway.Gateway.Hosting;

/// <summary>
/// Where the gateway listens when nobody said: <see cref="Default"/>. Set in code rather than as <c>Urls</c> in
/// <c>appsettings.json</c>, because a file loaded from the content root outranks <c>ASPNETCORE_URLS</c> and
/// <c>ASPNETCORE_HTTP_PORTS</c>: an operator's environment variable would then be ignored depending on the working
/// directory the process was started in.
/// </summary>
internal static class ListenAddress
{
    /// <summary>The default listen address.</summary>
    public const string Default = "http://localhost:5080";

    public static void ApplyDefault(WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            builder.WebHost.UseUrls(Default);
        }
    }
}
