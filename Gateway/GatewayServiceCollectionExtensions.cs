using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Accounts;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Storage.LiteDb;
using ScimGateway.Scim;
using ScimGateway.Scim.Users;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Format;

namespace ScimGateway.Gateway;

/// <summary>Wires the modules together; shared by the server and the command line.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Adds storage, tokens and SCIM, and connects SCIM users to the token module as token owners.</summary>
    public static IServiceCollection AddGatewayCore(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddLiteDbGatewayStorage();
        services.TryAddSingleton(sp => SigningKeyFile.LoadOrCreate(
            sp.GetRequiredService<DataDirectory>().Path,
            sp.GetRequiredService<IOptions<TokensOptions>>().Value.SigningKey));
        services.TryAddSingleton<IAccountDirectory, ScimAccountDirectory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IScimUserListener, TokenOwnerSync>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScimOptions>, ScimRoleGroupsValidator>());
        services.AddTokens();
        services.AddScim();
        return services;
    }
}
