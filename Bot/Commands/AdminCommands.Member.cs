using System.Globalization;
using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Standings;
using Bot.Texts;

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
            var language = Languages.FromLocale(ctx.Locale);
            var digits = new string(member.Where(char.IsAsciiDigit).ToArray());
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var userId) || userId <= 0)
            {
                await Replies.PrivateAsync(ctx, Catalog.Text(language, "admin.member_bad", member));
                return;
            }

            var removed = await members.RemoveFromChallengeAsync(challenge.Id, userId, ctx.CancellationToken);
            await Replies.PrivateAsync(ctx, removed
                ? Catalog.Text(language, "admin.member_removed", userId, challenge.SeasonYear)
                : Catalog.Text(language, "admin.member_not_in", userId, challenge.SeasonYear));
        }
    }
}
