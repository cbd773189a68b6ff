using Microsoft.Extensions.Time.Testing;
using ScimGateway.Gateway.Authentication.Sessions;
using ScimGateway.Gateway.CliLogin;
using ScimGateway.Gateway.Health;
using ScimGateway.Gateway.Storage.LiteDb;

namespace ScimGateway.Gateway.Tests.Contracts;

/// <summary>
/// The gateway's LiteDB storage as production opens it (<see cref="GatewayStorage.Open"/>: the directory lock and
/// <c>gateway.db</c>) in a fresh temp directory, removed on dispose.
/// </summary>
public sealed class LiteDbGatewayStorageFixture : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "scimgateway-contracts", Guid.NewGuid().ToString("N"));

    public LiteDbGatewayStorageFixture()
    {
        Directory.CreateDirectory(_directory);
        Storage = GatewayStorage.Open(_directory);
    }

    public GatewayStorage Storage { get; }

    public void Dispose()
    {
        Storage.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is not a test failure; the temp folder is cleaned eventually.
        }
    }
}

/// <summary>The browser-session contract on a real <c>gateway.db</c>.</summary>
public sealed class LiteDbBrowserSessionStoreContractTests : BrowserSessionStoreContract, IDisposable
{
    private readonly LiteDbGatewayStorageFixture _storage = new();

    protected override IBrowserSessionStore CreateStore() => new LiteDbBrowserSessionStore(_storage.Storage.Database);

    public void Dispose() => _storage.Dispose();
}

/// <summary>The consent-ledger contract on a real <c>gateway.db</c>.</summary>
public sealed class LiteDbCliConsentLedgerContractTests : CliConsentLedgerContract, IDisposable
{
    private readonly LiteDbGatewayStorageFixture _storage = new();

    protected override ICliConsentLedger CreateLedger() => new LiteDbCliConsentLedger(_storage.Storage.Database, new FakeTimeProvider(Now));

    public void Dispose() => _storage.Dispose();
}

/// <summary>The storage-probe contract on a real <c>gateway.db</c>; breaking it closes the database.</summary>
public sealed class LiteDbStorageProbeContractTests : StorageProbeContract, IDisposable
{
    private readonly LiteDbGatewayStorageFixture _storage = new();

    protected override IStorageProbe CreateProbe() => new LiteDbStorageProbe(_storage.Storage);

    protected override void BreakStorage() => _storage.Storage.Database.Dispose();

    public void Dispose() => _storage.Dispose();
}
