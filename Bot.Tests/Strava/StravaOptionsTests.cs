using Bot.Strava;
using Bot.Strava.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Strava;

[Category(TestCategories.Unit)]
public sealed class StravaOptionsTests
{
    [TestCase("STRAVA_CLIENT_ID", "abc", "STRAVA_CLIENT_ID must be the numeric client id")]
    [TestCase("STRAVA_CLIENT_SECRET", "", "STRAVA_CLIENT_SECRET is not set")]
    [TestCase("STRAVA_API_BASE_URL", "ftp://strava", "STRAVA_API_BASE_URL is not an http(s) URL")]
    [TestCase("STRAVA_OAUTH_BASE_URL", "not a url", "STRAVA_OAUTH_BASE_URL is not an http(s) URL")]
    public void AddStrava_BadSetting_OneLineNamingTheVariable(string name, string value, string expected)
    {
        using var services = Build(new() { ["STRAVA_CLIENT_ID"] = "4242", ["STRAVA_CLIENT_SECRET"] = "s", [name] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<StravaOptions>>().Value);

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Failures.Count(), Is.EqualTo(1));
            Assert.That(exception.Failures.Single(), Does.StartWith(expected));
            Assert.That(exception.Failures.Single(), Does.Not.Contain("\n"));
        });
    }

    [Test]
    public void AddStrava_NoClientId_StravaOffAndNoBackgroundJobs()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<StravaOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.Enabled, Is.False);
            Assert.That(services.GetServices<IHostedService>(), Is.Empty);
            Assert.That(services.GetService<IStravaLinking>(), Is.Not.Null, "the contract resolves either way");
            Assert.That(services.GetService<IWebhookQueueSignal>(), Is.Not.Null);
        });
    }

    [Test]
    public void AddStrava_Configured_RunsTheQueueTheSyncAndTheSubscriptionJobs()
    {
        using var services = Build(new() { ["STRAVA_CLIENT_ID"] = "4242", ["STRAVA_CLIENT_SECRET"] = "s" });

        Assert.That(services.GetServices<IHostedService>().Select(s => s.GetType().Name), Is.EquivalentTo(new[] { "WebhookQueueProcessor", "StravaSyncJob", "StravaSubscriptionJob" }));
    }

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new Bot.Configuration.ChallengeOptions { TimeZone = "Etc/UTC" });
        services.AddSingleton<IMemberNotifier, RecordingNotifier>();
        services.AddSingleton<IHostApplicationLifetime, NoLifetime>();
        services.AddStrava(configuration);
        Bot.Data.DataServiceCollectionExtensions.AddChallengeData(services, Path.Combine(Path.GetTempPath(), "unused-" + Guid.NewGuid().ToString("N") + ".db"));
        return services.BuildServiceProvider();
    }

    private sealed class NoLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
