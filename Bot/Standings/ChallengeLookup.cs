using System.Globalization;
using Bot.Configuration;
using Bot.Data.Repositories;

namespace Bot.Standings;

/// <summary>Finds the guild's challenge and the invoking member, with the answers a user gets when there is none.</summary>
public sealed class ChallengeLookup(ChallengeRepository challenges, MemberRepository members, ChallengeOptions options, TimeProvider time)
{
    public const string NoChallenge = "There is no challenge in this server yet — an admin starts one with `/admin season start`.";
    public const string NotLinked = "You have not linked Strava yet — link it first with `/strava_auth`.";
    public const string GuildOnly = "This command works in a server's channel, not in direct messages.";

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
