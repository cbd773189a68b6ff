using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Audit;
using ScimGateway.Tokens.Format;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.ServiceUsers;
using ScimGateway.Tokens.Storage.LiteDb;
using ScimGateway.Tokens.Usage;
using ScimGateway.Tokens.Validation;

namespace ScimGateway.Benchmarks;

/// <summary>
/// The request hot path's token check on a real LiteDB file: a cache hit (target: at most 2 µs and 100 bytes), a
/// miss (signature check, indexed store read, owner lookup, cache insert), and a forged token (signature only).
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks : IDisposable
{
    private string _directory = "";
    private LiteDatabase? _database;
    private TokenValidator? _validator;
    private TokenValidationCache? _cache;
    private string _token = "";
    private string _tokenId = "";
    private string _forged = "";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "scimgateway-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_directory, "gateway.db") }, new BsonMapper()) { UtcDate = true };
        var time = TimeProvider.System;
        var codec = new TokenCodec(new SigningKey(RandomNumberGenerator.GetBytes(64)), "scimgateway");
        var store = new LiteDbTokenStore(_database);
        var serviceUsers = new LiteDbServiceUserStore(_database);
        var owners = new TokenOwners(new OneAccountDirectory(), serviceUsers);
        var usage = new UsageAccumulator();
        _cache = new TokenValidationCache();
        var audit = new AuditTrail(new LiteDbAuditStore(_database), time, NullLogger<AuditTrail>.Instance);
        var tokens = new TokenService(store, serviceUsers, owners, new TokenViews(owners, usage, time), codec, _cache, usage, audit, time);
        // The instruments are live as in the server (a meter with no listener costs one enabled-check per measurement).
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        _validator = new TokenValidator(codec, _cache, store, owners, usage, time, NullLogger<TokenValidator>.Instance,
            new TokensMetrics(meters, _cache, time));

        // A store with some other tokens in it, so the indexed read is not a read of a one-document collection.
        var owner = owners.Find(OneAccountDirectory.Id, OwnerKind.Human)!;
        for (var i = 0; i < 1_000; i++)
        {
            tokens.IssueFor(owner, new IssueTokenRequest($"other-{i}", 30, false, null), Caller.CommandLine);
        }

        var issued = tokens.IssueFor(owner, new IssueTokenRequest("bench", 30, false, null), Caller.CommandLine).Value!;
        _token = issued.BearerToken;
        _tokenId = issued.Token.Id;
        _forged = _token[..(_token.LastIndexOf('.') + 1)] + new string('A', 43);
        if (_validator.Validate(_token, out _) != TokenCheck.Valid)
        {
            throw new InvalidOperationException("The benchmark token does not validate.");
        }
    }

    [Benchmark(Baseline = true)]
    public TokenCheck CacheHit() => _validator!.Validate(_token, out _);

    [Benchmark]
    public TokenCheck CacheMiss()
    {
        _cache!.EvictToken(_tokenId);
        return _validator!.Validate(_token, out _);
    }

    [Benchmark]
    public TokenCheck ForgedSignature() => _validator!.Validate(_forged, out _);

    [GlobalCleanup]
    public void Dispose()
    {
        _database?.Dispose();
        _database = null;
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private sealed class OneAccountDirectory : IAccountDirectory
    {
        public const string Id = "0196a3b0-0000-7000-8000-000000000001";
        private static readonly AccountInfo s_account = new(Id, "bench@example.com", "Bench", "bench@example.com", Role.Member, true);

        public AccountInfo? FindById(string id) => id == Id ? s_account : null;

        public AccountInfo? FindByUserName(string userName) => userName == s_account.UserName ? s_account : null;
    }
}
