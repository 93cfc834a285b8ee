using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace Bot.Benchmarks.Web;

/// <summary>One request per iteration, so the statistics are per request: every request counts (no outlier removal) and P99 is per request.</summary>
internal sealed class WebhookAckConfig : ManualConfig
{
    public WebhookAckConfig()
    {
        AddJob(Job.Default.WithLaunchCount(1).WithWarmupCount(20).WithIterationCount(400).WithInvocationCount(1).WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95, new P99Column(), StatisticColumn.Max);
    }
}
