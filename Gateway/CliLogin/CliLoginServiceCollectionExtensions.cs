using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ScimGateway.Gateway.CliLogin;

/// <summary>Registers CLI sign-in's services.</summary>
public static class CliLoginServiceCollectionExtensions
{
    /// <summary>Adds the consent protector and the used-consent ledger (LiteDB, in the application's data file).</summary>
    public static IServiceCollection AddCliLogin(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<CliConsentProtector>();
        services.TryAddSingleton<ICliConsentLedger, LiteDbCliConsentLedger>();
        return services;
    }
}
