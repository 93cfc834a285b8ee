using System.Net;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;

namespace Bot.Tests.Hosting;

/// <summary>METRICS_PROMETHEUS in the real process: the meters on GET /metrics in Prometheus' format, and no endpoint without it.</summary>
[Category(TestCategories.Process)]
public sealed class MetricsExportTests
{
    [TestCase(true)]
    [TestCase(false)]
    public async Task Metrics_PrometheusSetting_EndpointServesTheMetersOnlyWhenOn(bool enabled)
    {
        await using var world = await BotWorld.CreateAsync("metrics", heartbeatIntervalMs: 500);
        var discord = world.Discord;
        world.Start(new Dictionary<string, string?> { ["METRICS_PROMETHEUS"] = enabled ? "true" : null });
        await Eventually.ThatAsync(() => discord.Connections.Count > 0 && discord.Connections[^1].FramesOp(1).Count() >= 2, "two heartbeats", TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(world.BaseUrl) };

        string body = "";
        var status = HttpStatusCode.NotFound;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
            (status, body) = (response.StatusCode, await response.Content.ReadAsStringAsync());
            if (!enabled || body.Contains("discord_gateway_heartbeat_lateness", StringComparison.Ordinal))
            {
                break;
            }

            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);

        if (enabled)
        {
            Assert.Multiple(() =>
            {
                Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(body, Does.Contain("discord_gateway_heartbeat_lateness"));
                Assert.That(body, Does.Contain("challengebot_cpu_queue_length"));
                Assert.That(body, Does.Not.Contain("metrics-secret-token"));
            });
        }
        else
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
        }
    }
}
