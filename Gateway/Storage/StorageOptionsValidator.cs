using Microsoft.Extensions.Options;

namespace ScimGateway.Gateway.Storage;

/// <summary>Checks that the chosen provider has what it needs: PostgreSQL needs its connection string.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail($"Storage:Provider must be one of: {string.Join(", ", Enum.GetNames<StorageProvider>())}.");
        }

        if (options.PostgreSql.GraceSeconds is < 0 or > PostgreSqlClusterOptions.MaxGraceSeconds)
        {
            return ValidateOptionsResult.Fail(
                $"Storage:PostgreSql:GraceSeconds must be between 0 and {PostgreSqlClusterOptions.MaxGraceSeconds} (seconds); it is {options.PostgreSql.GraceSeconds}.");
        }

        return options.Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(options.PostgresConnectionString)
            ? ValidateOptionsResult.Fail(
                $"Storage:Provider is PostgreSql but ConnectionStrings:{StorageOptions.PostgresConnectionStringName} is not set. "
                + "Set it to an Npgsql connection string, e.g. ConnectionStrings__Postgres=\"Host=db;Database=scimgateway;Username=gateway;Password=...\".")
            : ValidateOptionsResult.Success;
    }
}
