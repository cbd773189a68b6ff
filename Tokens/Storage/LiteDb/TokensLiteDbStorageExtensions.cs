using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Expiration;
using ScimGateway.Tokens.ServiceUsers;
using ScimGateway.Tokens.Usage;

namespace ScimGateway.Tokens.Storage.LiteDb;

/// <summary>Registers Tokens' stores on LiteDB, the embedded default.</summary>
public static class TokensLiteDbStorageExtensions
{
    /// <summary>
    /// Adds every Tokens store (tokens, usage, audit, service users, expiry warnings) on the host's
    /// <see cref="ILiteDatabase"/>, which they share so that a change and its audit entry, or a fold and its last-use
    /// writes, commit together. TryAdd, so a host or test can put its own store in first.
    /// </summary>
    public static IServiceCollection AddTokensLiteDbStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<ITokenStore>(sp => new LiteDbTokenStore(sp.GetRequiredService<ILiteDatabase>()));
        services.TryAddSingleton<IUsageStore>(sp => new LiteDbUsageStore(sp.GetRequiredService<ILiteDatabase>(), sp.GetService<TimeProvider>()));
        services.TryAddSingleton<IAuditStore>(sp => new LiteDbAuditStore(sp.GetRequiredService<ILiteDatabase>()));
        services.TryAddSingleton<IServiceUserStore>(sp => new LiteDbServiceUserStore(sp.GetRequiredService<ILiteDatabase>()));
        services.TryAddSingleton<IExpiryWarningStore>(sp => new LiteDbExpiryWarningStore(sp.GetRequiredService<ILiteDatabase>()));
        return services;
    }
}
