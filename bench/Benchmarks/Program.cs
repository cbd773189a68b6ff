using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(ScimGateway.Benchmarks.BenchmarkEntry).Assembly).Run(args);
