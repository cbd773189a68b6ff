using Hangfire;

namespace ScimGateway.Jobs.Storage;

/// <summary>Hangfire configuration helpers for <see cref="LiteDbJobStorage"/>.</summary>
public static class LiteDbStorageConfigurationExtensions
{
    /// <summary>Makes <paramref name="storage"/> Hangfire's current storage; the caller keeps ownership and disposes it.</summary>
    public static IGlobalConfiguration<LiteDbJobStorage> UseLiteDbStorage(this IGlobalConfiguration configuration, LiteDbJobStorage storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(storage);
        return configuration.UseStorage(storage);
    }
}
