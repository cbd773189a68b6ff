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

    /// <summary>Cluster-mode settings, section <c>Storage:PostgreSql</c>.</summary>
    public PostgreSqlClusterOptions PostgreSql { get; set; } = new();
}

/// <summary>How a node behaves when PostgreSQL is away, section <c>Storage:PostgreSql</c>.</summary>
public sealed class PostgreSqlClusterOptions
{
    /// <summary>The largest accepted <see cref="GraceSeconds"/>: past an hour a revocation could go unseen too long.</summary>
    public const int MaxGraceSeconds = 3600;

    /// <summary>
    /// For how long after a node lost its connection to the database it keeps accepting the tokens it had validated
    /// (its cache); 0 refuses them at once. Default 60.
    /// </summary>
    public int GraceSeconds { get; set; } = 60;
}
