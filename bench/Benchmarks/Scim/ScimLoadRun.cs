using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ScimGateway.Gateway;
using ScimGateway.Scim.Groups;
using ScimGateway.Scim.Users;
using ScimGateway.Tokens;
using ScimGateway.Tokens.Accounts;
using ScimGateway.Tokens.Management;
using ScimGateway.Tokens.ServiceUsers;

namespace ScimGateway.Benchmarks.Scim;

/// <summary>
/// The SCIM targets, measured over HTTP against the real gateway on 127.0.0.1 (Kestrel; a LiteDB file in a temp
/// directory, or a fresh PostgreSQL database with <c>--provider postgresql</c>): 100,000 users and a 50,000-member
/// group; userName lookups, paging, group PATCH, and a sustained mixed load. Options: <c>--provider litedb|postgresql</c>,
/// <c>--connection-string CS</c>, <c>--users N</c>, <c>--seconds N</c>, <c>--rate N</c>.
/// </summary>
internal static class ScimLoadRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var userCount = Option(args, "--users", 100_000);
        var seconds = Option(args, "--seconds", 30);
        var rate = Option(args, "--rate", 100);
        var bigGroupSize = Math.Min(50_000, userCount / 2);
        await using var storage = await ScimBenchStorage.CreateAsync(TextOption(args, "--provider") ?? "litedb", TextOption(args, "--connection-string"));
        Console.WriteLine($"Storage: {storage.Description}");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Hangfire=Warning", .. storage.Settings],
        });
        builder.AddGateway();
        await using var app = builder.Build();
        if (!app.TryOpenStorage())
        {
            return 1;
        }

        app.UseGateway();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        var users = ScimSeeder.SeedUsers(app.Services.GetRequiredService<IScimUserStore>(), userCount, now);
        var groups = app.Services.GetRequiredService<IScimGroupStore>();
        var bigGroup = ScimSeeder.SeedGroup(groups, "Big", users.Take(bigGroupSize), now);
        var smallGroup = ScimSeeder.SeedGroup(groups, "Small", users.Skip(bigGroupSize).Take(10), now);
        Console.WriteLine($"Seeded {userCount:N0} users, a {bigGroupSize:N0}-member group and a 10-member group in {watch.Elapsed.TotalSeconds:F1} s.");
        Memory("after seeding");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = new Uri(address + "/api/scim/v2/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IssueScimToken(app.Services));

        var random = new Random(42);
        await Warmup(http, users);

        // 1. filter=userName eq
        var lookups = new Percentiles();
        for (var i = 0; i < 2_000; i++)
        {
            var n = random.Next(userCount);
            await Timed(lookups, () => http.GetAsync("Users?filter=" + Uri.EscapeDataString($"userName eq \"{ScimSeeder.UserName(n).ToUpperInvariant()}\"")), expectItems: 1);
        }

        Console.WriteLine($"GET /Users?filter=userName eq: {lookups.Summary()}");

        // 2. Paging with count=100: first page, last page, and a whole walk like Okta's import.
        var first = new Percentiles();
        var last = new Percentiles();
        var lastStart = ((userCount - 1) / 100 * 100) + 1;
        for (var i = 0; i < 100; i++)
        {
            await Timed(first, () => http.GetAsync("Users?startIndex=1&count=100"));
            await Timed(last, () => http.GetAsync($"Users?startIndex={lastStart}&count=100"));
        }

        Console.WriteLine($"Paging count=100, first page: {first.Summary()}");
        Console.WriteLine($"Paging count=100, last page (startIndex={lastStart}): {last.Summary()}");
        Console.WriteLine($"Last/first page p50 ratio: {last.At(50) / first.At(50):F2}");
        var walk = Stopwatch.StartNew();
        var pages = new Percentiles();
        for (var start = 1; start <= userCount; start += 100)
        {
            var s = start;
            await Timed(pages, () => http.GetAsync($"Users?startIndex={s}&count=100"));
        }

        Console.WriteLine($"Walk of all {userCount:N0} users in pages of 100: {walk.Elapsed.TotalSeconds:F1} s, per page {pages.Summary()}");

        // 3. PATCH adding one member: the 50,000-member group against the 10-member group.
        var big = new Percentiles();
        var small = new Percentiles();
        var candidate = bigGroupSize + 10;
        for (var i = 0; i < 200; i++)
        {
            var forBig = users[candidate++];
            var forSmall = users[candidate++];
            await Timed(big, () => Patch(http, $"Groups/{bigGroup}", AddMember(forBig)), status: 204);
            await Timed(small, () => Patch(http, $"Groups/{smallGroup}", AddMember(forSmall)), status: 204);
        }

        Console.WriteLine($"PATCH add 1 member, {bigGroupSize:N0}-member group: {big.Summary()}");
        Console.WriteLine($"PATCH add 1 member, 10-member group: {small.Summary()}");
        Console.WriteLine($"Big/small p50 ratio: {big.At(50) / small.At(50):F2}");
        Memory("after the latency runs");

        // 4. Sustained mixed load.
        await MixedLoad(http, users, bigGroup, bigGroupSize, rate, seconds, random);
        Memory("after the mixed load");
        await app.StopAsync();
        return 0;
    }

    private static async Task MixedLoad(HttpClient http, List<string> users, string bigGroup, int bigGroupSize, int rate, int seconds, Random random)
    {
        var latencies = new Percentiles();
        var errors = 0;
        var total = rate * seconds;
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var spare = bigGroupSize + 1_000;
        for (var i = 0; i < total; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var kind = i % 10;
            var user = users[random.Next(users.Count)];
            var name = ScimSeeder.UserName(random.Next(users.Count));
            var member = users[spare + (i % 500)];
            var start = random.Next(users.Count / 100) * 100 + 1;
            tasks.Add(Task.Run(async () =>
            {
                var sw = Stopwatch.StartNew();
                using var response = kind switch
                {
                    < 4 => await http.GetAsync("Users?filter=" + Uri.EscapeDataString($"userName eq \"{name}\"")),
                    < 6 => await http.GetAsync($"Users/{user}"),
                    6 => await http.GetAsync($"Users?startIndex={start}&count=100"),
                    7 => await Patch(http, $"Users/{user}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"title","value":"Load"}]}"""),
                    8 => await Patch(http, $"Groups/{bigGroup}", AddMember(member)),
                    _ => await Patch(http, $"Groups/{bigGroup}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{{member}}\"]"}]}"""),
                };
                latencies.Add(sw.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }

        await Task.WhenAll(tasks);
        Console.WriteLine($"Mixed load: {total:N0} requests at {rate}/s target, {total / clock.Elapsed.TotalSeconds:F1}/s achieved over {clock.Elapsed.TotalSeconds:F1} s, {errors} errors; {latencies.Summary()}");
        Console.WriteLine($"  mix: 40% userName filter, 20% GET by id, 10% page of 100, 10% user PATCH, 10% group member add, 10% member remove ({bigGroupSize:N0}-member group)");
    }

    private static async Task Warmup(HttpClient http, List<string> users)
    {
        for (var i = 0; i < 50; i++)
        {
            (await http.GetAsync($"Users/{users[i]}")).EnsureSuccessStatusCode();
            (await http.GetAsync("Users?startIndex=1&count=100")).EnsureSuccessStatusCode();
        }
    }

    private static async Task Timed(Percentiles into, Func<Task<HttpResponseMessage>> send, int status = 200, int? expectItems = null)
    {
        var sw = Stopwatch.StartNew();
        using var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        into.Add(sw.Elapsed.TotalMilliseconds);
        if ((int)response.StatusCode != status)
        {
            throw new InvalidOperationException($"Expected {status}, got {(int)response.StatusCode}: {body}");
        }

        if (expectItems is { } items && !body.Contains($"\"totalResults\":{items}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected {items} result(s): {body}");
        }
    }

    private static Task<HttpResponseMessage> Patch(HttpClient http, string path, string body) =>
        http.PatchAsync(path, new StringContent(body, Encoding.UTF8, "application/scim+json"));

    private static string AddMember(string id) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{id}}"}]}]}""";

    private static string IssueScimToken(IServiceProvider services)
    {
        var created = services.GetRequiredService<ServiceUserService>().Create(Caller.CommandLine, new ServiceUserRequest("bench-idp", Role.Admin, null));
        var owner = TokenOwners.FromServiceUser(services.GetRequiredService<IServiceUserStore>().FindById(ServiceUserIds.FromName("bench-idp")!)!);
        var issued = services.GetRequiredService<TokenService>().IssueFor(owner, new IssueTokenRequest("bench", 30, true, null), Caller.CommandLine);
        return created.Succeeded && issued.Succeeded ? issued.Value!.BearerToken : throw new InvalidOperationException(issued.Message);
    }

    private static void Memory(string when)
    {
        using var process = Process.GetCurrentProcess();
        var info = GC.GetGCMemoryInfo();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Memory {when}: working set {process.WorkingSet64 / 1_048_576.0:F0} MB, GC heap {GC.GetTotalMemory(false) / 1_048_576.0:F0} MB (heap size {info.HeapSizeBytes / 1_048_576.0:F0} MB)"));
    }

    private static string? TextOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
