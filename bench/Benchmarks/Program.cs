using BenchmarkDotNet.Running;
using ScimGateway.Benchmarks.Scim;

namespace ScimGateway.Benchmarks;

/// <summary>
/// <c>scim</c> runs the measured SCIM load run (a plain console measurement against an in-process gateway);
/// anything else goes to BenchmarkDotNet's switcher.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "scim")
        {
            return await ScimLoadRun.RunAsync(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
        return 0;
    }
}
