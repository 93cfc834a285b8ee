namespace Bot.Discord.Entities;

/// <summary>An extra message after the response (<c>POST /webhooks/{app}/{token}</c>).</summary>
public sealed class DiscordFollowupMessageBuilder : DiscordMessageBuilderBase<DiscordFollowupMessageBuilder>
{
    public bool IsEphemeral { get; private set; }

    public DiscordFollowupMessageBuilder AsEphemeral(bool ephemeral = true)
    {
        IsEphemeral = ephemeral;
        return this;
    }
}
