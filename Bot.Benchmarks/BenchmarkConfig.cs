using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Bot.Benchmarks;

/// <summary>Adds Op/s: with OperationsPerInvoke = activity count, that is activities per second.</summary>
internal sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
