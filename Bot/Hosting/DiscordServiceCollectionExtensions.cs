using Bot.Commands;
using Bot.Configuration;
using Bot.Discord;
using Bot.Discord.Interactions;
using Microsoft.Extensions.Options;

namespace Bot.Hosting;

/// <summary>The Discord client (gateway, REST, interactions) with the bot's command modules.</summary>
internal static class DiscordServiceCollectionExtensions
{
    public static IServiceCollection AddBotDiscord(this IServiceCollection services)
    {
        services.AddOptions<DiscordClientOptions>()
            .Configure<IOptions<DiscordOptions>>((client, settings) =>
            {
                var discord = settings.Value;
                client.Token = discord.Token ?? "";
                client.ApiBaseUrl = new Uri(discord.ApiBaseUrl.TrimEnd('/'));
                client.GuildId = discord.GuildId;
                client.Intents = discord.Intents;
                client.HandlerWarningThreshold = TimeSpan.FromSeconds(discord.HandlerWarningSeconds);
            });
        services.AddDiscordClient();
        services.AddSlashCommands(typeof(HelpCommands).Assembly);
        services.AddHostedService<DiscordFatalWatch>();
        services.AddHostedService<InviteLinkLogger>();
        return services;
    }
}
