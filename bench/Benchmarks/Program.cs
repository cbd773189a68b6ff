using BenchmarkDotNet.Running;
using ScimGateway.Benchmarks;

// "jobstorage" is a plain measured run (see JobStorageThroughput); everything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "jobstorage")
{
    JobStorageThroughput.Run(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
