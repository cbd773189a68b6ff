using Microsoft.Extensions.Configuration.Json;

namespace ScimGateway.Gateway;

/// <summary>
/// The repository's <c>appsettings.json</c> is linked into the build output. <c>dotnet run --project Gateway</c> sets
/// the content root to the project folder, where the file is not, so the copy next to the assembly is added as the
/// lowest-precedence source: every other source (content-root file, environment, command line) still overrides it.
/// </summary>
internal static class ShippedSettings
{
    private const string FileName = "appsettings.json";

    public static void AddTo(IConfigurationManager configuration, string contentRoot)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(Path.Combine(contentRoot, FileName)) || !File.Exists(shipped))
        {
            return;
        }

        var source = new JsonConfigurationSource { Path = FileName, Optional = true, ReloadOnChange = false };
        source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory);
        configuration.Sources.Insert(0, source);
    }
}
