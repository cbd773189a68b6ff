using ScimGateway.Jobs.Watermarks;
using ScimGateway.Scim.Storage;
using ScimGateway.Tokens.Storage;

namespace ScimGateway.Gateway.Storage.Copy;

/// <summary>
/// A single node's installation, opened for a copy: every module's data, read lazily, plus the secrets kept as files
/// in the data directory. Holds the data directory's lock until disposed, so no gateway starts on it meanwhile.
/// </summary>
public sealed class CopySource(IDisposable owner) : IDisposable
{
    /// <summary>Tokens' data.</summary>
    public required TokensExport Tokens { get; init; }

    /// <summary>The SCIM data.</summary>
    public required ScimExport Scim { get; init; }

    /// <summary>The recurring jobs' watermarks.</summary>
    public required IReadOnlyList<JobWatermark> JobWatermarks { get; init; }

    /// <summary>The gateway's own stores.</summary>
    public required GatewayExport Gateway { get; init; }

    /// <summary>The token signing key from <c>signing.key</c>; null when the node had none (a configured key, or never issued).</summary>
    public required byte[]? SigningKey { get; init; }

    /// <summary>The data-protection key ring from <c>keys/*.xml</c>.</summary>
    public required IReadOnlyList<DataProtectionKeyFile> DataProtectionKeys { get; init; }

    /// <summary>Rows per table in the source, every module's together, plus the secrets.</summary>
    public IReadOnlyDictionary<string, long> Counts() =>
        Tokens.Counts.Concat(Scim.Counts).Concat(Gateway.Counts)
            .Append(new(StorageCopy.JobWatermarksTable, JobWatermarks.Count))
            .Append(new(StorageCopy.SigningKeysTable, SigningKey is null ? 0 : 1))
            .Append(new(StorageCopy.DataProtectionKeysTable, DataProtectionKeys.Count))
            .ToDictionary(StringComparer.Ordinal);

    /// <inheritdoc />
    public void Dispose() => owner.Dispose();
}
