using System.Text;
using Yarp.ReverseProxy.Configuration;

// The baselines of bench/proxy/run.sh, one executable with a mode:
//   upstream --urls http://127.0.0.1:PORT                     a minimal Kestrel app answering a small JSON body
//   yarp --urls http://127.0.0.1:PORT --upstream http://...   plain YARP, no authentication, route /api/{**rest},
//                                                             slim builder without logging: the least work possible
//   yarp-template ...                                         the same YARP as its getting-started template builds it:
//                                                             full builder, default logging providers, "Default":
//                                                             "Information" and "Microsoft.AspNetCore": "Warning"
if (args.Length == 0 || args[0] is not ("upstream" or "yarp" or "yarp-template"))
{
    await Console.Error.WriteLineAsync("Usage: ProxyBench upstream|yarp|yarp-template --urls URL [--upstream URL]");
    return 2;
}

var template = args[0] == "yarp-template";
var builder = template ? WebApplication.CreateBuilder(args[1..]) : WebApplication.CreateSlimBuilder(args[1..]);
if (template)
{
    builder.Logging.SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
}
else
{
    builder.Logging.ClearProviders();
}

if (args[0] != "upstream")
{
    var upstream = builder.Configuration["upstream"] ?? throw new InvalidOperationException("--upstream URL is required in yarp mode.");
    builder.Services.AddReverseProxy().LoadFromMemory(
        [new RouteConfig { RouteId = "api", ClusterId = "upstream", Match = new RouteMatch { Path = "/api/{**rest}" } }],
        [new ClusterConfig { ClusterId = "upstream", Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = upstream } } }]);
    var proxy = builder.Build();
    proxy.MapReverseProxy();
    await proxy.RunAsync();
    return 0;
}

var body = Encoding.UTF8.GetBytes("""{"id":42,"name":"orders","type":"datastore","status":"active","tags":["bench"]}""");
var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "application/json";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
});
await app.RunAsync();
return 0;
