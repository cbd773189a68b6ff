namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>One versioned SQL script of one module's PostgreSQL schema.</summary>
/// <param name="Module">The owning module: <c>gateway</c>, <c>tokens</c>, <c>scim</c> or <c>jobs</c>.</param>
/// <param name="Version">The script's number, from its file name (<c>0003_add_index.sql</c> is 3); unique per module.</param>
/// <param name="Name">The rest of the file name without extension (<c>add_index</c>).</param>
/// <param name="Sql">The script's text.</param>
/// <param name="Checksum">SHA-256 of the text with line endings normalized, lowercase hex; an applied script must not change.</param>
public sealed record MigrationScript(string Module, int Version, string Name, string Sql, string Checksum);
