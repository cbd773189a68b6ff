namespace ScimGateway.Gateway.Storage;

/// <summary>Where the gateway keeps its data, <c>Storage:Provider</c>.</summary>
public enum StorageProvider
{
    /// <summary>Embedded LiteDB files under <see cref="StorageOptions.DataDirectory"/>, owned by one process: one node. The default.</summary>
    LiteDb = 0,

    /// <summary>A PostgreSQL database (<c>ConnectionStrings:Postgres</c>) shared by any number of nodes: cluster mode.</summary>
    PostgreSql = 1,
}
