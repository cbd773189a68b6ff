using System.Xml.Linq;
using LiteDB;
using ScimGateway.Gateway.Authentication.Sessions;
using ScimGateway.Gateway.Storage.Copy;
using ScimGateway.Jobs.Storage.Watermarks;
using ScimGateway.Scim.Storage.LiteDb;
using ScimGateway.Tokens.Format;
using ScimGateway.Tokens.Storage.LiteDb;

namespace ScimGateway.Gateway.Storage.LiteDb;

/// <summary>Opens a single node's data directory as the source of <c>storage copy-to-postgres</c>.</summary>
public static class LiteDbCopySource
{
    /// <summary>
    /// Takes the directory's lock (a running gateway holds it: <see cref="DataDirectoryInUseException"/>) and opens its
    /// database; each module reads its own collections. Refuses a directory that does not exist or holds no database,
    /// rather than copying nothing.
    /// </summary>
    public static CopySource Open(string dataDirectory)
    {
        var path = Path.GetFullPath(dataDirectory);
        if (!Directory.Exists(path))
        {
            throw new StorageCopyException($"The data directory '{path}' does not exist; give the single node's directory with --data-dir DIR.");
        }

        if (!File.Exists(Path.Combine(path, GatewayStorage.DatabaseFileName)))
        {
            throw new StorageCopyException(
                $"The data directory '{path}' holds no {GatewayStorage.DatabaseFileName}, so there is nothing to copy; give the single node's directory with --data-dir DIR.");
        }

        var storage = GatewayStorage.Open(path);
        try
        {
            var database = storage.Database;
            var sessions = database.GetCollection<BrowserSessionRecord>("browser_sessions");
            var consents = database.GetCollection<UsedCliConsent>("cli_consents");
            return new CopySource(storage)
            {
                Tokens = TokensLiteDbExport.Read(database),
                Scim = ScimLiteDbExport.Read(database),
                JobWatermarks = LiteDbJobWatermarkExport.Read(database),
                Gateway = new GatewayExport
                {
                    Counts = new Dictionary<string, long>(StringComparer.Ordinal)
                    {
                        ["browser_sessions"] = sessions.LongCount(),
                        ["cli_consents"] = consents.LongCount(),
                    },
                    BrowserSessions = sessions.FindAll(),
                    CliConsents = consents.FindAll().Select(c => new UsedConsent(c.Id, c.ExpiresAt)),
                },
                SigningKey = ReadSigningKey(storage.Directory),
                DataProtectionKeys = ReadKeyRing(storage.Directory),
            };
        }
        catch (LiteException ex)
        {
            storage.Dispose();
            throw new StorageCopyException($"The database '{storage.Directory.File(GatewayStorage.DatabaseFileName)}' cannot be read: {ex.Message}", ex);
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    private static byte[]? ReadSigningKey(DataDirectory directory)
    {
        var file = directory.File(SigningKeyFile.FileName);
        return File.Exists(file) ? Convert.FromBase64String(File.ReadAllText(file).Trim()) : null;
    }

    // Where the single node's data protection keeps its ring (PostgreSqlStorageExtensions.DataProtectionKeyRepository).
    private static List<DataProtectionKeyFile> ReadKeyRing(DataDirectory directory)
    {
        var keys = new DirectoryInfo(directory.File("keys"));
        return !keys.Exists
            ? []
            : [.. keys.EnumerateFiles("*.xml").OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new DataProtectionKeyFile(
                Path.GetFileNameWithoutExtension(f.Name),
                XElement.Load(f.FullName).ToString(SaveOptions.DisableFormatting),
                f.LastWriteTimeUtc))];
    }
}
