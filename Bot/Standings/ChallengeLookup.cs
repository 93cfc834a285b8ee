using System.Globalization;
using Bot.Configuration;
using Bot.Data.Repositories;
using Bot.Texts;

namespace Bot.Standings;

/// <summary>Finds the guild's challenge and the invoking member, with the answers a user gets when there is none.</summary>
public sealed class ChallengeLookup(ChallengeRepository challenges, MemberRepository members, ChallengeOptions options, TimeProvider time)
{
    // In English; the guards answer in the invoker's language (Commands/GuardText).
    public static string NoChallenge => Catalog.Text(Language.English, "guard.no_challenge");

    public static string NotLinked => Catalog.Text(Language.English, "guard.not_linked");

    public static string GuildOnly => Catalog.Text(Language.English, "guard.guild_only");

    public TimeZoneInfo DefaultZone { get; } = options.ResolveTimeZone();

    /// <summary>The season asked for, else the one of today's ISO year, else the latest.</summary>
    public async Task<ChallengeContext?> FindAsync(ulong guildId, int? season, CancellationToken cancellationToken)
    {
        var guild = (long)guildId;
        ChallengeRow? challenge;
        if (season is { } year)
        {
            challenge = await challenges.GetAsync(guild, year, cancellationToken);
        }
        else
        {
            var today = ChallengeTimeZone.Today(DefaultZone, time);
            challenge = await challenges.GetAsync(guild, ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue)), cancellationToken)
                ?? await challenges.GetLatestAsync(guild, cancellationToken);
        }

        return challenge is null ? null : new ChallengeContext(challenge, StandingsService.Today(challenge, DefaultZone, time));
    }

    public async Task<ParticipantRow?> FindParticipantAsync(ChallengeRow challenge, ulong userId, CancellationToken cancellationToken)
    {
        var member = await members.GetByDiscordUserIdAsync((long)userId, cancellationToken);
        return member is null ? null : await members.GetParticipationAsync(challenge.Id, member.Id, cancellationToken);
    }
}
