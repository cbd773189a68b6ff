using BenchmarkDotNet.Running;
using ScimGateway.Benchmarks.Scim;

namespace ScimGateway.Benchmarks;

/// <summary>
/// <c>scim</c> and <c>jobstorage</c> are plain measured runs (see <see cref="ScimLoadRun"/> and
/// <see cref="JobStorageThroughput"/>); anything else goes to BenchmarkDotNet's switcher.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.Length > 0 ? args[0] : null)
        {
            case "scim":
                return await ScimLoadRun.RunAsync(args[1..]);
            case "jobstorage":
                JobStorageThroughput.Run(args[1..]);
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
                return 0;
        }
    }
}
