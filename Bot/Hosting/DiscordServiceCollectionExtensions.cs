using Bot.Commands;
using Bot.Configuration;
using Bot.Discord;
using Bot.Discord.Interactions;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>The Discord client (gateway, REST, interactions) with the bot's command modules.</summary>
internal static class DiscordServiceCollectionExtensions
{
    public const int GuildsIntent = 1 << 0;

    public static IServiceCollection AddBotDiscord(this IServiceCollection services)
    {
        services.AddOptions<DiscordClientOptions>()
            .Configure<IOptions<DiscordOptions>>((client, settings) =>
            {
                var discord = settings.Value;
                client.Token = discord.Token ?? "";
                client.ApiBaseUrl = new Uri(discord.ApiBaseUrl.TrimEnd('/'));
                client.GuildId = discord.GuildId;
                // GUILDS (not privileged) fills the guild cache: roles and channel overwrites for the recap channel's check.
                client.Intents = discord.Intents | GuildsIntent;
                client.HandlerWarningThreshold = TimeSpan.FromSeconds(discord.HandlerWarningSeconds);
            });
        services.AddDiscordClient();
        services.AddSlashCommands(typeof(HelpCommands).Assembly);
        services.AddHostedService<DiscordFatalWatch>();
        services.AddHostedService<InviteLinkLogger>();
        return services;
    }
}
