using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Expiration;
using ScimGateway.Tokens.ServiceUsers;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Storage.PostgreSql;

/// <summary>Registers Tokens' stores on PostgreSQL, for several gateway nodes on one database.</summary>
public static class TokensPostgreSqlStorageExtensions
{
    /// <summary>
    /// Adds every Tokens store (tokens, usage, audit, service users, expiry warnings) on the host's
    /// <see cref="NpgsqlDataSource"/> singleton. The tables come from this module's migration scripts
    /// (<c>Storage/PostgreSql/Migrations</c>), which the host applies before serving. TryAdd, so a host or test can
    /// put its own store in first.
    /// </summary>
    public static IServiceCollection AddTokensPostgreSqlStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<ITokenStore>(sp => new PostgreSqlTokenStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IUsageStore>(sp => new PostgreSqlUsageStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IAuditStore>(sp => new PostgreSqlAuditStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IServiceUserStore>(sp => new PostgreSqlServiceUserStore(sp.GetRequiredService<NpgsqlDataSource>()));
        services.TryAddSingleton<IExpiryWarningStore>(sp => new PostgreSqlExpiryWarningStore(sp.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }
}
