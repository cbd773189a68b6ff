using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScimGateway.Scim.Users;

namespace ScimGateway.Scim;

/// <summary>Registers the SCIM module.</summary>
public static class ScimServiceCollectionExtensions
{
    /// <summary>Adds the SCIM user store. The host must register an <see cref="ILiteDatabase"/>.</summary>
    public static IServiceCollection AddScim(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IScimUserStore>(sp =>
            new LiteDbScimUserStore(sp.GetRequiredService<ILiteDatabase>(), sp.GetServices<IScimUserListener>()));
        services.TryAddSingleton<LocalUsers>();
        return services;
    }
}
