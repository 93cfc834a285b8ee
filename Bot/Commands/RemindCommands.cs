using Bot.Data.Repositories;
using Bot.Discord.Commands;
using Bot.Nudges;
using Bot.Standings;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>/remind on|off: a member's weekly direct message when they are below the target (Nudges/ReminderJob sends it).</summary>
[SlashCommandGroup("remind", "A direct message when you are below the week's target")]
[Ephemeral]
public sealed class RemindCommands(ReminderRepository reminders, ChallengeLookup lookup) : ApplicationCommandModule
{
    [SlashCommand("on", "Remind me each week when I am below the target (only you see it)")]
    public async Task OnAsync(
        InteractionContext ctx,
        [RequireMember] ChallengeMember member,
        [Option("day", "The weekday (default Sunday)")] DayOfWeek day = DayOfWeek.Sunday,
        [Option("time", "HH:MM in the challenge's time zone (default 18:00)")] string time = "18:00")
    {
        if (!TimeOfDayText.TryParse(time, out var minuteOfDay))
        {
            await Replies.PrivateAsync(ctx, NudgeText.BadTime(time, Languages.FromLocale(ctx.Locale)));
            return;
        }

        await reminders.SwitchOnAsync(member.Found.Challenge.GuildId, (long)ctx.Invoker.Id, day, minuteOfDay, ctx.CancellationToken);
        await Replies.PrivateAsync(ctx, NudgeText.On(day, minuteOfDay, lookup.DefaultZone.Id, Languages.FromLocale(ctx.Locale)));
    }

    [SlashCommand("off", "No more reminders from this server")]
    [RequireGuild]
    public async Task OffAsync(InteractionContext ctx)
    {
        var wasOn = await reminders.SwitchOffAsync((long)ctx.GuildId!.Value, (long)ctx.Invoker.Id, cancellationToken: ctx.CancellationToken);
        await Replies.PrivateAsync(ctx, wasOn ? NudgeText.Off(Languages.FromLocale(ctx.Locale)) : NudgeText.NotOn(Languages.FromLocale(ctx.Locale)));
    }
}
