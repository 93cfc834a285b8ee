using Bot.Standings;
using Bot.Tests.Support;
using Bot.Texts;
using Microsoft.EntityFrameworkCore;

namespace Bot.Tests.Commands;

/// <summary>
/// The bot's guards in the real host: in a DM, in a server without the season, for someone not in it or not an
/// admin, the invoker reads the guard's line, exactly as before the guards, and the command changes nothing.
/// </summary>
[Category(TestCategories.Integration)]
public sealed class CommandGuardTests
{
    private const long NoChallengeGuild = 999;
    private const string SetPrice = """[{"name":"rules","type":2,"options":[{"name":"set","type":1,"options":[{"name":"key","type":3,"value":"price_per_week"},{"name":"value","type":3,"value":"9"}]}]}]""";

    private InProcessBot _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        (_host, _) = await WebSeed.StartBotAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [TestCase("me")]
    [TestCase("week")]
    [TestCase("joker")]
    public async Task MemberCommand_InADirectMessage_AnswersGuildOnly(string command)
    {
        var answer = await _host.Commands.PrivateAnswerAsync(command, user: WebSeed.AnnaDiscordId, inGuild: false);

        Assert.That(answer, Is.EqualTo(ChallengeLookup.GuildOnly));
    }

    [TestCase("week")]
    [TestCase("rules")]
    [TestCase("me")]
    public async Task Command_ServerWithoutAChallenge_AnswersNoChallenge(string command)
    {
        var answer = await new SlashCommands(_host.Discord, NoChallengeGuild).PrivateAnswerAsync(command, user: WebSeed.AnnaDiscordId);

        Assert.That(answer, Is.EqualTo(ChallengeLookup.NoChallenge));
    }

    [Test]
    public async Task Total_SeasonWithoutAChallenge_NamesThatSeason()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("total", user: WebSeed.AnnaDiscordId, optionsJson: """[{"name":"season","type":4,"value":2019}]""");

        Assert.That(answer, Is.EqualTo("This server has no challenge for season 2019."));
    }

    [TestCase("me")]
    [TestCase("joker")]
    public async Task MemberCommand_NotInTheSeason_AnswersNotLinked(string command)
    {
        var answer = await _host.Commands.PrivateAnswerAsync(command, user: WebSeed.UnlinkedDiscordId);

        Assert.That(answer, Is.EqualTo(ChallengeLookup.NotLinked));
    }

    [Test]
    public async Task AdminRulesSet_NotAnAdmin_AnswersNotAdminAndChangesNoRule()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("admin", user: WebSeed.AnnaDiscordId, optionsJson: SetPrice);

        Assert.That((answer, await RulesAsync()), Is.EqualTo((Catalog.Text(Language.English, "guard.not_admin"), """{"multiplier_on":false,"jokers":2}""")));
    }

    [Test]
    public async Task AdminRulesSet_InADirectMessage_AnswersGuildOnly()
    {
        var answer = await _host.Commands.PrivateAnswerAsync("admin", user: WebSeed.AnnaDiscordId, optionsJson: SetPrice, inGuild: false);

        Assert.That(answer, Is.EqualTo(ChallengeLookup.GuildOnly));
    }

    [Test]
    public async Task Join_LinkedMemberInAServerWithoutAChallenge_AnswersNoChallenge()
    {
        var answer = await new SlashCommands(_host.Discord, NoChallengeGuild).PrivateAnswerAsync("join", user: WebSeed.AnnaDiscordId);

        Assert.That(answer, Is.EqualTo(ChallengeLookup.NoChallenge));
    }

    [Test]
    public async Task Join_UnlinkedInAServerWithoutAChallenge_AnswersNotLinkedFirst()
    {
        var answer = await new SlashCommands(_host.Discord, NoChallengeGuild).PrivateAnswerAsync("join", user: WebSeed.UnlinkedDiscordId);

        Assert.That(answer, Is.EqualTo(ChallengeLookup.NotLinked));
    }

    private async Task<string> RulesAsync()
    {
        await using var check = await _host.CreateContextAsync();
        return await check.Challenges.Where(c => c.GuildId == InProcessBot.Guild).Select(c => c.RulesJson).SingleAsync();
    }
}
