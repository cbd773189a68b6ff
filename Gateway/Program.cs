using ScimGateway.Gateway;
using ScimGateway.Gateway.Cli;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGateway();

var app = builder.Build();
if (!app.TryOpenStorage())
{
    return 1;
}

app.UseGateway();
await app.RunAsync();
return 0;

/// <summary>The entry point; public so that integration tests can host it.</summary>
public partial class Program;
