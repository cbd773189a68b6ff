using LiteDB;
using ScimGateway.Scim.Storage.LiteDb;

namespace ScimGateway.Scim.Tests.Contracts;

/// <summary>Opens the LiteDB stores on a real database file in a temporary directory, deleted afterwards.</summary>
internal sealed class LiteDbStoreFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("scim-contract-").FullName;
    private LiteDatabase? _database;

    public ScimStores Open()
    {
        // As the gateway opens it: a mapper of its own, times in UTC.
        _database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_directory, "gateway.db"), Connection = ConnectionType.Direct }, new BsonMapper()) { UtcDate = true };
        return new ScimStores(new LiteDbScimUserStore(_database), new LiteDbScimGroupStore(_database), new LiteDbProvisioningOutbox(_database));
    }

    public void Dispose()
    {
        _database?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>The user store contract on LiteDB.</summary>
public sealed class LiteDbScimUserStoreTests : ScimUserStoreContract
{
    private readonly LiteDbStoreFile _file = new();

    /// <inheritdoc />
    protected override ScimStores OpenStores() => _file.Open();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _file.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The group store contract on LiteDB.</summary>
public sealed class LiteDbScimGroupStoreTests : ScimGroupStoreContract
{
    private readonly LiteDbStoreFile _file = new();

    /// <inheritdoc />
    protected override ScimStores OpenStores() => _file.Open();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _file.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The outbox contract on LiteDB.</summary>
public sealed class LiteDbProvisioningOutboxTests : ProvisioningOutboxContract
{
    private readonly LiteDbStoreFile _file = new();

    /// <inheritdoc />
    protected override ScimStores OpenStores() => _file.Open();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _file.Dispose();
        base.Dispose(disposing);
    }
}
