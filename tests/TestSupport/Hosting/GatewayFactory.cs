using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ScimGateway.Scim.Users;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.ServiceUsers;

namespace ScimGateway.TestSupport.Hosting;

/// <summary>
/// The gateway in a test host on a real LiteDB file in a fresh temp directory, with a fake clock and captured logs.
/// Pass a <paramref name="dataDirectory"/> to restart on the same data.
/// </summary>
public class GatewayFactory(string? dataDirectory = null, DateTimeOffset? clockStart = null) : WebApplicationFactory<Program>
{
    private readonly TempDirectory? _ownedDirectory = dataDirectory is null ? new TempDirectory() : null;
    private readonly List<Action<IServiceCollection>> _serviceOverrides = [];
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private bool _started;

    public string DataDirectory => dataDirectory ?? _ownedDirectory!.Path;

    public FakeTimeProvider Time { get; } = new(clockStart ?? new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Adds a service override, applied after the gateway's own registrations. Call before first use.</summary>
    public GatewayFactory WithServices(Action<IServiceCollection> configure)
    {
        _serviceOverrides.Add(configure);
        return this;
    }

    /// <summary>Sets a configuration value. Call before first use.</summary>
    public GatewayFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Forwards <c>/api/**</c> to <paramref name="upstream"/> (the <c>primary</c> destination). Call before first use.</summary>
    public GatewayFactory WithUpstream(Uri upstream) =>
        WithSetting("ReverseProxy:Clusters:qualytics:Destinations:primary:Address", upstream.ToString());

    /// <summary>Starts a Hangfire server in this host, with retries that come due quickly. Call before first use.</summary>
    public GatewayFactory WithJobServer() => WithSetting("Jobs:ServerEnabled", "true").WithSetting("Jobs:SchedulePollingSeconds", "1");

    /// <summary>Keeps Hangfire's jobs in <c>hangfire.db</c> in the data directory, as the shipped default does. Call before first use.</summary>
    public GatewayFactory WithLiteDbJobStorage() => WithSetting("Jobs:Storage", "LiteDb");

    /// <summary>
    /// Starts the gateway on a real Kestrel port on loopback (0: any free one) instead of the in-memory test server: for
    /// raw sockets, client addresses, Kestrel's limits and a browser. <c>ClientOptions.BaseAddress</c> is then that port.
    /// </summary>
    public GatewayFactory StartOnKestrel(int port = 0)
    {
        UseKestrel(port);
        StartServer();
        return this;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Adds a human user directly through the user store.</summary>
    public ScimUserRecord AddUser(string userName, Role role = Role.Member) =>
        Service<LocalUsers>().Add(userName, role.ToString());

    /// <summary>Issues a personal token for a user without going through HTTP.</summary>
    public string IssuePersonalToken(ScimUserRecord user, string name = "test", int? days = 30, bool scim = false)
    {
        var owner = new TokenOwner(user.Id, OwnerKind.Human, user.UserName, user.DisplayName, user.PrimaryEmail,
            RoleNames.Highest(user.Roles), user.Active);
        var issued = Service<TokenService>().IssueFor(owner, new IssueTokenRequest(name, days, scim, null), Caller.CommandLine);
        Assert.True(issued.Succeeded, issued.Message);
        return issued.Value!.BearerToken;
    }

    /// <summary>Creates a service user (if needed) and issues it a token.</summary>
    public string IssueServiceToken(string serviceUserName, Role role = Role.Member, string name = "svc", int? days = 30, bool scim = false)
    {
        var users = Service<ServiceUserService>();
        var id = ServiceUserIds.FromName(serviceUserName)!;
        if (Service<IServiceUserStore>().FindById(id) is null)
        {
            Assert.True(users.Create(Caller.CommandLine, new ServiceUserRequest(serviceUserName, role, null)).Succeeded);
        }

        var owner = TokenOwners.FromServiceUser(Service<IServiceUserStore>().FindById(id)!);
        var issued = Service<TokenService>().IssueFor(owner, new IssueTokenRequest(name, days, scim, null), Caller.CommandLine);
        Assert.True(issued.Succeeded, issued.Message);
        return issued.Value!.BearerToken;
    }

    /// <summary>An HTTP client that sends the given bearer token.</summary>
    public HttpClient ClientWithToken(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);

        // The in-memory test server answers at http://localhost; absolute URLs (Gateway:PublicBaseUrl unset) follow
        // the listen address, so make it that one. A test on Kestrel (StartOnKestrel) binds its own port instead.
        builder.UseSetting("Urls", "http://localhost");

        // Only tests that run jobs start a Hangfire server (WithJobServer), and those run in one serial collection.
        builder.UseSetting("Jobs:ServerEnabled", "false");

        // Fast tests keep Hangfire in memory; tests of the LiteDB job storage set Jobs:Storage=LiteDb (WithLiteDbJobStorage).
        builder.UseSetting("Jobs:Storage", "InMemory");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            foreach (var configure in _serviceOverrides)
            {
                configure(services);
            }
        });
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _started = true;
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // Program's RunAsync disposes the services on its own thread after the host stops, so the storage can
            // still be closing here. A test that restarts on this directory must find it free, as an operator would.
            // (A host that failed to start is never disposed by the test host; its process would have exited.)
            if (_started)
            {
                FileRelease.WaitUntilDataDirectoryReleased(DataDirectory);
            }

            _ownedDirectory?.Dispose();
        }
    }
}
