using System.Reflection;

namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>A module whose assembly carries PostgreSQL migration scripts as embedded resources.</summary>
/// <param name="Name">The module's name in <c>schema_migrations.module</c>; never changes once released.</param>
/// <param name="Assembly">The module's assembly.</param>
public sealed record MigrationModule(string Name, Assembly Assembly)
{
    /// <summary>
    /// Every module, in the order their scripts are applied. The gateway reads the modules' assemblies, so the modules
    /// need no code and no reference to each other or to the gateway: a script is just a file (see
    /// <see cref="MigrationScripts.ResourcePrefix"/>).
    /// </summary>
    public static IReadOnlyList<MigrationModule> All { get; } =
    [
        new("gateway", typeof(MigrationModule).Assembly),
        new("tokens", typeof(Tokens.TokensOptions).Assembly),
        new("scim", typeof(Scim.ScimOptions).Assembly),
        new("jobs", typeof(Jobs.JobsOptions).Assembly),
    ];
}
