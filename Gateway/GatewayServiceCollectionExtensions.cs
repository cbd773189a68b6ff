using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScimGateway.Gateway.Accounts;
using ScimGateway.Gateway.Storage;
using ScimGateway.Gateway.Storage.PostgreSql;
using ScimGateway.Gateway.Storage.LiteDb;
using ScimGateway.Scim;
using ScimGateway.Scim.Storage;
using ScimGateway.Scim.Provisioning;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Format;
using ScimGateway.Tokens.Storage.LiteDb;
using ScimGateway.Tokens.Storage.PostgreSql;

namespace ScimGateway.Gateway;

/// <summary>Wires the modules together; shared by the server and the command line.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>Adds storage, tokens and SCIM, and connects SCIM users to the token module as token owners.</summary>
    public static IServiceCollection AddGatewayCore(this IServiceCollection services)
    {
        services.AddStorageProvider();
        services.AddLiteDbGatewayStorage();
        services.AddGatewayStoresByProvider();
        services.TryAddSingleton(PostgreSqlStorageExtensions.LoadOrCreateSigningKey);
        services.TryAddSingleton<IAccountDirectory, ScimAccountDirectory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IProvisioningEvents, TokenProvisioningEvents>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScimOptions>, ScimRoleGroupsValidator>());
        services.AddTokens().AddByStorageProvider(
            liteDb => liteDb.AddTokensLiteDbStorage(),
            postgreSql => postgreSql.AddTokensPostgreSqlStorage());
        services.AddScim();
        services.AddScimStorage(sp => sp.StorageProvider() == StorageProvider.PostgreSql);
        return services;
    }
}
