using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ScimGateway.Gateway.CliLogin;

/// <summary>Registers CLI sign-in's services.</summary>
public static class CliLoginServiceCollectionExtensions
{
    /// <summary>
    /// Adds the consent protector. The used-consent ledger (<see cref="ICliConsentLedger"/>) comes with the storage
    /// engine (<see cref="Storage.LiteDb.LiteDbGatewayStorageExtensions"/>).
    /// </summary>
    public static IServiceCollection AddCliLogin(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<CliConsentProtector>();
        return services;
    }
}
