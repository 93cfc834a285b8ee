using System.Globalization;
using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Standings;

namespace Bot.Commands;

public sealed partial class AdminCommands
{
    /// <summary>/admin member: taking a member out of the season.</summary>
    [SlashCommandGroup("member", "Members")]
    public sealed class Member(MemberRepository members) : ApplicationCommandModule
    {
        [SlashCommand("remove", "Remove a member from this season (their Strava link stays)")]
        [Ephemeral]
        public async Task RemoveAsync(
            InteractionContext ctx,
            [RequireChallenge] ChallengeContext found,
            [Option("member", "The member: a mention like @Anna or a Discord user id")] string member)
        {
            var challenge = found.Challenge;
            var digits = new string(member.Where(char.IsAsciiDigit).ToArray());
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || userId <= 0)
            {
                await Replies.PrivateAsync(ctx, $"`{member}` is not a member mention or a Discord user id. Nothing changed.");
                return;
            }

            var removed = await members.RemoveFromChallengeAsync(challenge.Id, userId, ctx.CancellationToken);
            await Replies.PrivateAsync(ctx, removed
                ? $"<@{userId}> is no longer in season {challenge.SeasonYear}."
                : $"<@{userId}> is not in season {challenge.SeasonYear}. Nothing changed.");
        }
    }
}
