using BenchmarkDotNet.Running;

namespace Bot.Benchmarks;

/// <summary>A named class rather than top-level statements: Bot's own Program is visible here.</summary>
internal static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
