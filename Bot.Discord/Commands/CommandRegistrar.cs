using Bot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Commands;

/// <summary>One bulk overwrite of all commands: globally, or in one guild when <c>GuildId</c> is set (instant).</summary>
internal sealed class CommandRegistrar(SlashCommandRegistry registry, DiscordRestClient rest, IOptions<DiscordClientOptions> options, ILogger<CommandRegistrar> logger)
{
    public async Task<DiscordResult> RegisterAsync(ulong applicationId, CancellationToken cancellationToken = default)
    {
        var guildId = options.Value.GuildId;
        var route = guildId is { } guild ? DiscordRoutes.BulkOverwriteGuildCommands(applicationId, guild) : DiscordRoutes.BulkOverwriteGlobalCommands(applicationId);
        var result = (await rest.SendAsync(route, DiscordJson.Serialize(registry.Definitions), cancellationToken).ConfigureAwait(false)).Result;
        if (result.IsSuccess)
        {
            CommandLog.Registered(logger, registry.Definitions.Count, guildId is null ? "global" : "guild");
        }
        else
        {
            CommandLog.RegistrationFailed(logger, result.HttpStatus, result.ErrorCode, result.Message);
        }

        return result;
    }
}
