using Bot.Discord.Commands;
using Bot.Discord.Entities;

namespace Bot.Tests.Discord.Commands;

[SlashCommandGroup("admin", "Challenge administration")]
[SlashCommandPermissions(Permissions.ManageGuild)]
internal sealed class AdminModule(HandlerProbe probe) : ApplicationCommandModule
{
    [SlashCommand("reset", "Resets the season")]
    public Task ResetAsync(InteractionContext ctx, [Option("confirm", "Really?")] bool confirm) => probe.RunAsync("admin reset", ctx, confirm);

    [SlashCommandGroup("rules", "Season rules")]
    public sealed class RulesModule(HandlerProbe probe) : ApplicationCommandModule
    {
        [SlashCommand("set", "Sets a rule")]
        public Task SetAsync(InteractionContext ctx, [Option("points", "Points required")][Minimum(0.5)] double points, [Option("name", "Rule name")] string name = "default") =>
            probe.RunAsync("admin rules set", ctx, points, name);
    }
}
