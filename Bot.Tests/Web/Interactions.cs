using System.Text.Json;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;

namespace Bot.Tests.Web;

/// <summary>Sends a slash command to the in-process host once it has identified, and returns the private answer (the edit of the ephemeral defer).</summary>
internal static class Interactions
{
    public static async Task<string> InvokeAsync(FakeDiscordGateway discord, string command, long user, long? guild = WebTestHost.Guild, string optionsJson = "[]", bool assertContent = true)
    {
        await Eventually.ThatAsync(() => discord.Connections.Count > 0 && discord.Connections[^1].FramesOp(2).Any(), "IDENTIFY", TimeSpan.FromSeconds(60));
        var (answer, _) = await new SlashCommands(discord, guild ?? 0).InvokeAsync(command, optionsJson, user, inGuild: guild is not null, settle: TimeSpan.Zero);
        using var edit = JsonDocument.Parse(answer.Body);
        return assertContent ? edit.RootElement.GetProperty("content").GetString()! : edit.RootElement.GetRawText();
    }
}
