using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Format;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.ServiceUsers;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Tokens;

/// <summary>Registers the token module.</summary>
public static class TokensServiceCollectionExtensions
{
    /// <summary>
    /// Adds token storage, validation, management and the usage flush. The host must register an
    /// <see cref="ILiteDatabase"/>, an <see cref="IAccountDirectory"/> and a <see cref="SigningKey"/>.
    /// </summary>
    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddOptions<TokensOptions>().BindConfiguration(TokensOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITokenStore>(sp => new LiteDbTokenStore(sp.GetRequiredService<ILiteDatabase>()));
        services.TryAddSingleton<IServiceUserStore>(sp => new LiteDbServiceUserStore(sp.GetRequiredService<ILiteDatabase>()));
        services.TryAddSingleton(sp => new TokenCodec(sp.GetRequiredService<SigningKey>(), sp.GetRequiredService<IOptions<TokensOptions>>().Value.Issuer));
        services.TryAddSingleton<IUsageStore>(sp => new LiteDbUsageStore(sp.GetRequiredService<ILiteDatabase>(), sp.GetRequiredService<ITokenStore>()));
        services.TryAddSingleton<TokenUsageService>();
        services.TryAddSingleton<TokenValidationCache>();
        services.AddMetrics();
        services.TryAddSingleton<TokensMetrics>();
        services.TryAddSingleton<UsageAccumulator>();
        services.TryAddSingleton<TokenOwners>();
        services.TryAddSingleton<TokenViews>();
        services.TryAddSingleton<TokenValidator>();
        services.TryAddSingleton<AuditTrail>();
        services.TryAddSingleton<TokenService>();
        services.TryAddSingleton<ServiceUserService>();
        services.TryAddSingleton<UsageFlushService>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageFlushService>());
        return services;
    }
}
