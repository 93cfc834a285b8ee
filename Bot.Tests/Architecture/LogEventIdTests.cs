using System.Reflection;
using Bot.Scoring;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Architecture;

/// <summary>A log event id names one line of the log: operators filter and alert on it.</summary>
[Category(TestCategories.Unit)]
public sealed class LogEventIdTests
{
    private static readonly Assembly[] Assemblies =
        [typeof(SeasonScorer).Assembly, typeof(Bot.Data.ChallengeDbContext).Assembly, typeof(Bot.Discord.DiscordClientOptions).Assembly];

    [Test]
    public void LoggerMessages_EveryEventId_IsUsedOnce()
    {
        var messages = Assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: $"{m.DeclaringType!.Name}.{m.Name}", Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        var duplicates = messages.GroupBy(m => m.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}");

        Assert.Multiple(() =>
        {
            Assert.That(messages, Has.Count.GreaterThan(50), "the [LoggerMessage] methods were not found");
            Assert.That(duplicates, Is.Empty, "event ids used by more than one log line");
        });
    }
}
