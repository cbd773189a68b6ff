namespace ScimGateway.Gateway.Storage;

/// <summary>
/// Exclusive ownership of a data directory, held through an OS file lock for the life of the process. LiteDB in
/// direct mode can silently lose writes when two processes open one file on Linux, so a second server or CLI on the
/// same directory must stop at once instead.
/// </summary>
public sealed class DataDirectory : IDisposable
{
    private const string LockFileName = "gateway.lock";
    private readonly FileStream _lock;

    private DataDirectory(string path, FileStream lockFile)
    {
        Path = path;
        _lock = lockFile;
    }

    /// <summary>The absolute path of the directory.</summary>
    public string Path { get; }

    /// <summary>Creates the directory if needed and takes the lock; throws <see cref="DataDirectoryInUseException"/> if taken.</summary>
    public static DataDirectory Acquire(string configuredPath)
    {
        var path = System.IO.Path.GetFullPath(configuredPath);
        Directory.CreateDirectory(path);
        var lockPath = System.IO.Path.Combine(path, LockFileName);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix, released by the OS if the process dies.
            var lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            lockFile.SetLength(0);
            using (var writer = new StreamWriter(lockFile, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            lockFile.Flush();
            return new DataDirectory(path, lockFile);
        }
        catch (IOException ex)
        {
            throw new DataDirectoryInUseException(
                $"The data directory '{path}' is in use by another ScimGateway process (lock file '{lockPath}'). " +
                "Stop that process first, or set Storage:DataDirectory to another directory.", ex);
        }
    }

    /// <summary>A file inside the directory.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();
}
