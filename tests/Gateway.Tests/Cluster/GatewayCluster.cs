using System.Net.Http.Headers;
using Npgsql;
using ScimGateway.Gateway.Tests.PostgreSql;
using ScimGateway.TestSupport.PostgreSql;

namespace ScimGateway.Gateway.Tests.Cluster;

/// <summary>
/// Several real gateway processes on loopback ports, all with <c>Storage:Provider=PostgreSql</c> on one fresh
/// database, reaching it through a <see cref="DatabaseLink"/> the test can cut, in front of one real echo upstream.
/// Use it as a class fixture: one database per class.
/// </summary>
public class GatewayCluster : IAsyncLifetime
{
    /// <summary>A cluster with the shipped settings.</summary>
    public GatewayCluster()
    {
    }

    /// <summary>A cluster whose nodes get <paramref name="settings"/> (environment variable names) on top.</summary>
    protected GatewayCluster(IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            Settings[key] = value;
        }
    }

    /// <summary>How many nodes a cluster starts.</summary>
    public const int NodeCount = 3;

    /// <summary>The <c>application_name</c> of each node's listening connection (ChangeFeedListener.ApplicationName).</summary>
    public const string ChangeFeedApplicationName = ScimGateway.Gateway.Cluster.ChangeFeedListener.ApplicationName;

    private readonly List<GatewayProcess> _nodes = [];
    private TempDirectory? _directory;
    private Dictionary<string, string> _environment = [];

    /// <summary>The database (the test's own, direct connection).</summary>
    public PostgreSqlDatabase Database { get; } = new();

    /// <summary>The relay the nodes connect through.</summary>
    public DatabaseLink Link { get; private set; } = null!;

    /// <summary>The upstream every node proxies to.</summary>
    public EchoUpstream Upstream { get; private set; } = null!;

    /// <summary>The running nodes.</summary>
    public IReadOnlyList<GatewayProcess> Nodes => _nodes;

    /// <summary>The connection string the nodes use (through <see cref="Link"/>).</summary>
    public string NodeConnectionString { get; private set; } = "";

    /// <summary>Extra settings for every node (e.g. the grace window).</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        if (PostgreSqlTestServer.ShouldSkip)
        {
            return;
        }

        _directory = new TempDirectory();
        var server = new NpgsqlConnectionStringBuilder(Database.ConnectionString);
        Link = DatabaseLink.Start(server.Host!, server.Port);
        NodeConnectionString = new NpgsqlConnectionStringBuilder(Database.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = Link.Port,
            // Fail fast when the database is away, so a node answers 503 promptly instead of waiting 15 s.
            Timeout = 3,
            CommandTimeout = 10,
        }.ConnectionString;
        Upstream = await EchoUpstream.StartAsync();

        // Nodes started together: the migrations' advisory lock lets exactly one apply them.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Storage__Provider"] = "PostgreSql",
            ["ConnectionStrings__Postgres"] = NodeConnectionString,
            ["ReverseProxy__Clusters__qualytics__Destinations__primary__Address"] = Upstream.Address.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in Settings)
        {
            environment[key] = value;
        }

        _environment = environment;
        var starting = Enumerable.Range(0, NodeCount).Select(_ => GatewayProcess.StartAsync(_directory.Path, environment)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            // Keep every node that did start, so DisposeAsync ends it even when another failed to start in time.
            _nodes.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }
    }

    /// <summary>
    /// Starts node <paramref name="node"/> again with the same settings (on a new port) after the test killed or
    /// stopped it; the old process is disposed.
    /// </summary>
    public async Task RestartAsync(int node)
    {
        await _nodes[node].DisposeAsync();
        _nodes[node] = await GatewayProcess.StartAsync(_directory!.Path, _environment);
    }

    /// <summary>Runs a command (<c>tokens issue</c>, <c>users add</c>) against the cluster's database while the nodes serve; returns stdout.</summary>
    public async Task<string> CliAsync(params string[] args)
    {
        var result = await PostgreSqlGatewayProcess.RunAsync(_directory!.Path, Database.ConnectionString, args);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput.Trim();
    }

    /// <summary>Issues a service user's token (Admin unless told) through the command line.</summary>
    public Task<string> IssueServiceTokenAsync(string serviceUser, string name, string role = "Admin", bool scim = false) =>
        scim
            ? CliAsync("tokens", "issue", "--service-user", serviceUser, "--role", role, "--name", name, "--expires-in-days", "30", "--scim")
            : CliAsync("tokens", "issue", "--service-user", serviceUser, "--role", role, "--name", name, "--expires-in-days", "30");

    /// <summary>A client of node <paramref name="node"/> sending <paramref name="token"/>.</summary>
    public HttpClient Client(int node, string? token)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = _nodes[node].Address, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Kills every node's listening connection from the database side; returns how many were ended.</summary>
    public async Task<int> TerminateChangeFeedConnectionsAsync()
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()");
        command.Parameters.Add(new() { Value = ChangeFeedApplicationName });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>How many listening connections are open now.</summary>
    public async Task<int> ChangeFeedConnectionsAsync()
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()");
        command.Parameters.Add(new() { Value = ChangeFeedApplicationName });
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits (up to 30 s) until every node listens, so a test starts from caught-up caches.</summary>
    public async Task WaitUntilAllListenAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await ChangeFeedConnectionsAsync() < NodeCount)
        {
            Assert.True(DateTime.UtcNow < deadline, "Not every node opened its change-feed connection within 30 s:\n" + string.Join("\n---\n", _nodes.Select(n => n.Output)));
            await Task.Delay(100);
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (Upstream is not null)
        {
            await Upstream.DisposeAsync();
        }

        if (Link is not null)
        {
            await Link.DisposeAsync();
        }

        await Database.DisposeAsync();
        _directory?.Dispose();
    }
}
