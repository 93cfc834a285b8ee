using Bot.Discord;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Bot.Tests.Discord.Performance;

/// <summary>The client's meter, read by a listener while a connected client heartbeats and answers a command.</summary>
[TestFixture]
[NonParallelizable]
[Category(TestCategories.Integration)]
public sealed class DiscordMetricsTests
{
    [Test]
    public void ConnectedClient_HeartbeatsAndACommand_MeasuredOnTheMeter()
    {
        using var discord = FakeDiscordGateway.Start(heartbeatIntervalMs: 500);
        using var bot = ConnectedBot.Start(discord, discord.ApiBaseUrl);
        var meter = bot.Services.GetRequiredService<DiscordMetrics>().Meter;
        using var lateness = new MetricCollector<double>(meter, "discord.gateway.heartbeat.lateness");
        using var ackLatency = new MetricCollector<double>(meter, "discord.gateway.heartbeat.ack_latency");
        using var interactionAck = new MetricCollector<double>(meter, "discord.interaction.ack_latency");
        using var commands = new MetricCollector<long>(meter, "discord.commands");
        using var duration = new MetricCollector<double>(meter, "discord.command.duration");
        Assert.That(bot.Client.Ready.Wait(TimeSpan.FromSeconds(10)), Is.True, "READY");

        discord.Connections[0].SendDispatch("INTERACTION_CREATE", InteractionJson.Guild(4711, "stats"));

        Assert.That(SpinWait.SpinUntil(() => commands.GetMeasurementSnapshot().Count > 0 && ackLatency.GetMeasurementSnapshot().Count >= 2, TimeSpan.FromSeconds(20)), Is.True,
            "a command and two heartbeat ACKs measured");
        var command = commands.GetMeasurementSnapshot().Single();
        Assert.Multiple(() =>
        {
            Assert.That(lateness.GetMeasurementSnapshot(), Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(lateness.GetMeasurementSnapshot().Select(m => m.Value), Has.All.GreaterThanOrEqualTo(0));
            Assert.That(ackLatency.GetMeasurementSnapshot().Select(m => m.Value), Has.All.GreaterThanOrEqualTo(0).And.All.LessThan(5000));
            Assert.That(interactionAck.GetMeasurementSnapshot().Single().Value, Is.GreaterThanOrEqualTo(0).And.LessThan(3000), "acknowledged inside Discord's 3 s");
            Assert.That((command.Value, command.Tags["command"], command.Tags["outcome"]), Is.EqualTo((1L, (object?)"stats", (object?)"ok")));
            Assert.That(duration.GetMeasurementSnapshot().Single().Tags["command"], Is.EqualTo("stats"));
        });
    }
}
