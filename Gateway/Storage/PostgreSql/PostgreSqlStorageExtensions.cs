using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Format;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>
/// The services behind <c>Storage:Provider</c>: the options and their validation, and, for PostgreSQL, one
/// <see cref="NpgsqlDataSource"/> per process, the migrator and the shared secrets. Everything is created on first use,
/// so a LiteDB node never connects to PostgreSQL and a PostgreSQL node never takes the data directory.
/// </summary>
public static class PostgreSqlStorageExtensions
{
    /// <summary>Adds the storage options (validated) and the PostgreSQL services.</summary>
    public static IServiceCollection AddStorageProvider(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((options, configuration) =>
                options.PostgresConnectionString ??= configuration.GetConnectionString(StorageOptions.PostgresConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => NpgsqlDataSource.Create(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.PostgresConnectionString
            ?? throw new InvalidOperationException($"ConnectionStrings:{StorageOptions.PostgresConnectionStringName} is not set.")));
        services.TryAddSingleton(sp => new PostgreSqlMigrator(
            sp.GetRequiredService<NpgsqlDataSource>(),
            MigrationScripts.Load(MigrationModule.All),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PostgreSqlMigrator>>()));
        return services;
    }

    /// <summary>The configured storage provider (validating the storage options).</summary>
    public static StorageProvider StorageProvider(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;

    /// <summary>
    /// The token signing key: configured, else <c>signing.key</c> in the data directory (LiteDB) or the
    /// <c>signing_keys</c> row (PostgreSQL, after migrations).
    /// </summary>
    public static SigningKey LoadOrCreateSigningKey(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configured = services.GetRequiredService<IOptions<TokensOptions>>().Value.SigningKey;
        return services.StorageProvider() == Storage.StorageProvider.PostgreSql
            ? PostgreSqlSigningKey.LoadOrCreateAsync(
                services.GetRequiredService<NpgsqlDataSource>(), configured, services.GetRequiredService<TimeProvider>(), CancellationToken.None).GetAwaiter().GetResult()
            : SigningKeyFile.LoadOrCreate(services.GetRequiredService<DataDirectory>().Path, configured);
    }

    /// <summary>Where data protection keeps its key ring: the <c>keys</c> folder of the data directory, or the database.</summary>
    public static IXmlRepository DataProtectionKeyRepository(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.StorageProvider() == Storage.StorageProvider.PostgreSql
            ? new PostgreSqlXmlRepository(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<TimeProvider>())
            : new FileSystemXmlRepository(
                new DirectoryInfo(services.GetRequiredService<DataDirectory>().File("keys")),
                services.GetRequiredService<ILoggerFactory>());
    }
}
