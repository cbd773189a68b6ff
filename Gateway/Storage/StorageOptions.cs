using System.ComponentModel.DataAnnotations;

namespace ScimGateway.Gateway.Storage;

/// <summary>Where data lives, section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>The name of the PostgreSQL connection string under <c>ConnectionStrings</c>.</summary>
    public const string PostgresConnectionStringName = "Postgres";

    /// <summary>Where data lives: LiteDB files (the default) or PostgreSQL.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>
    /// The Npgsql connection string, from <c>ConnectionStrings:Postgres</c> (not from this section); required when
    /// <see cref="Provider"/> is <see cref="StorageProvider.PostgreSql"/>.
    /// </summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>The data directory, relative to the working directory unless absolute (LiteDB only).</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";
}
