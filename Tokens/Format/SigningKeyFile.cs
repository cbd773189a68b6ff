using System.Security.Cryptography;

namespace ScimGateway.Tokens.Format;

/// <summary>
/// Loads the signing key from configuration or from <c>signing.key</c> in the data directory, creating it with
/// owner-only permissions on first start.
/// </summary>
public static class SigningKeyFile
{
    /// <summary>The file name of the generated key inside the data directory.</summary>
    public const string FileName = "signing.key";

    /// <summary>Returns the configured key (base64) if any, else the key file's, creating the file when absent.</summary>
    public static SigningKey LoadOrCreate(string dataDirectory, string? configuredBase64)
    {
        if (!string.IsNullOrWhiteSpace(configuredBase64))
        {
            return new SigningKey(Convert.FromBase64String(configuredBase64));
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (File.Exists(path))
        {
            return new SigningKey(Convert.FromBase64String(File.ReadAllText(path).Trim()));
        }

        var material = RandomNumberGenerator.GetBytes(64);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(Convert.ToBase64String(material));
        }

        return new SigningKey(material);
    }
}
