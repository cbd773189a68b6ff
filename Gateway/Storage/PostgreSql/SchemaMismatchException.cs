namespace ScimGateway.Gateway.Storage.PostgreSql;

/// <summary>
/// The database's schema is not one this node may run against: a module is at a version this node has no script for
/// (a newer node migrated it), or an applied script's text changed since. Nothing was applied.
/// </summary>
public sealed class SchemaMismatchException(string message) : Exception(message);
