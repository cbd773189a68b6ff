using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Expiration;
using ScimGateway.Tokens.Format;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.Retention;
using ScimGateway.Tokens.ServiceUsers;
using ScimGateway.Tokens.Storage;
using ScimGateway.Tokens.Usage;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Tokens;

/// <summary>Registers the token module.</summary>
public static class TokensServiceCollectionExtensions
{
    /// <summary>
    /// Adds validation, management, the usage flush and the token rules the jobs run (expiration sweep, expiry
    /// warnings, retention), on no storage engine in particular. The host must also register the stores
    /// (<see cref="ITokenStore"/>, <see cref="IUsageStore"/>, <see cref="IAuditStore"/>, <see cref="IServiceUserStore"/>,
    /// <see cref="IExpiryWarningStore"/>: for LiteDB, <c>AddTokensLiteDbStorage()</c>), an <see cref="IAccountDirectory"/>
    /// and a <see cref="SigningKey"/>.
    /// </summary>
    public static IServiceCollection AddTokens(this IServiceCollection services)
    {
        services.AddOptions<TokensOptions>().BindConfiguration(TokensOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new TokenCodec(sp.GetRequiredService<SigningKey>(), sp.GetRequiredService<IOptions<TokensOptions>>().Value.Issuer));
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
        services.TryAddSingleton<TokenExpirationSweep>();
        services.TryAddSingleton<ExpiryWarnings>();
        services.TryAddSingleton<TokenRetention>();
        services.TryAddSingleton<UsageFlushService>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageFlushService>());
        return services;
    }
}
