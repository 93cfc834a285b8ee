using Bot.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Threading;

[TestFixture]
[Category(TestCategories.Unit)]
public sealed class ThreadingServiceCollectionExtensionsTests
{
    private static ServiceProvider Provider(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new ServiceCollection().AddLogging().AddCpuWork(configuration).BuildServiceProvider(validateScopes: true);
    }

    [Test]
    public async Task AddCpuWork_Configured_QueueRunsOnTheConfiguredScheduler()
    {
        await using var provider = Provider(("CPU_WORKERS", "2"), ("CPU_QUEUE_LIMIT", "5"));

        var scheduler = provider.GetRequiredService<DedicatedThreadTaskScheduler>();
        var queue = provider.GetRequiredService<ICpuWorkQueue>();
        var name = await queue.TryRunAsync(() => Thread.CurrentThread.Name)!;

        Assert.That(scheduler.MaximumConcurrencyLevel, Is.EqualTo(2));
        Assert.That(scheduler.Capacity, Is.EqualTo(5));
        Assert.That(queue, Is.InstanceOf<CpuWorkQueue>());
        Assert.That(name, Does.StartWith("cpu-worker-"));
        var shared = provider.GetRequiredService<SingleFlight<int, string>>();
        Assert.That(provider.GetRequiredService<SingleFlight<int, string>>(), Is.SameAs(shared));
    }

    [Test]
    public void AddCpuWork_NothingConfigured_DefaultsToCoresLessOneAndLimit64()
    {
        using var provider = Provider();

        var scheduler = provider.GetRequiredService<DedicatedThreadTaskScheduler>();

        Assert.That(scheduler.MaximumConcurrencyLevel, Is.EqualTo(CpuOptions.DefaultWorkers));
        Assert.That(scheduler.Capacity, Is.EqualTo(64));
    }

    [TestCase("CPU_WORKERS", "0")]
    [TestCase("CPU_WORKERS", "65")]
    [TestCase("CPU_QUEUE_LIMIT", "0")]
    [TestCase("CPU_QUEUE_LIMIT", "10001")]
    public void AddCpuWork_ValueOutOfRange_ValidationNamesTheSetting(string key, string value)
    {
        using var provider = Provider((key, value));

        var exception = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<CpuOptions>>().Value);

        Assert.That(exception.Failures.Single(), Does.StartWith(key));
    }

    [Test]
    public void Dispose_Container_StopsTheCpuWorkerThreads()
    {
        var provider = Provider(("CPU_WORKERS", "2"));
        var queue = provider.GetRequiredService<ICpuWorkQueue>();
        var worker = queue.TryRunAsync(() => Thread.CurrentThread)!.GetAwaiter().GetResult();

        provider.Dispose();

        Assert.That(worker.IsAlive, Is.False);
        Assert.That(queue.TryRunAsync(() => 0), Is.Null, "a stopped queue says busy rather than throwing");
    }
}
