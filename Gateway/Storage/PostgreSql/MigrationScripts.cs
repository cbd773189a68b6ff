using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>
/// Reads a module's migration scripts from its assembly's embedded resources named
/// <c>PostgreSqlMigrations/NNNN_name.sql</c>. Each module's project file embeds its folder with:
/// <code>&lt;EmbeddedResource Include="Storage\PostgreSql\Migrations\*.sql" LogicalName="PostgreSqlMigrations/%(Filename)%(Extension)" /&gt;</code>
/// </summary>
public static partial class MigrationScripts
{
    /// <summary>The logical resource name's prefix that marks a migration script.</summary>
    public const string ResourcePrefix = "PostgreSqlMigrations/";

    /// <summary>The scripts of every module in <paramref name="modules"/>, each module's in version order.</summary>
    public static IReadOnlyList<MigrationScript> Load(IEnumerable<MigrationModule> modules) =>
        [.. modules.SelectMany(Load)];

    /// <summary>One module's scripts in version order; a badly named script or a repeated version is a build mistake and throws.</summary>
    public static IReadOnlyList<MigrationScript> Load(MigrationModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var scripts = new List<MigrationScript>();
        foreach (var resource in module.Assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var fileName = resource[ResourcePrefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Migration script '{fileName}' of module '{module.Name}' must be named NNNN_name.sql (digits, an underscore, lowercase letters, digits or underscores).");
            }

            using var stream = module.Assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var sql = reader.ReadToEnd();
            scripts.Add(new MigrationScript(
                module.Name,
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                sql,
                Checksum(sql)));
        }

        var repeated = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new InvalidOperationException($"Module '{module.Name}' has more than one migration script numbered {repeated.Key}.");
        }

        return [.. scripts.OrderBy(s => s.Version)];
    }

    /// <summary>SHA-256 of the text with CRLF turned into LF, so a checkout's line endings do not change it.</summary>
    public static string Checksum(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var normalized = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    [GeneratedRegex(@"^(?<version>[0-9]{4})_(?<name>[a-z0-9_]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}
