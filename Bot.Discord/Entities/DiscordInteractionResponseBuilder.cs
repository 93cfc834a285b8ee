namespace Bot.Discord.Entities;

/// <summary>The first answer to an interaction (callback type 4).</summary>
public sealed class DiscordInteractionResponseBuilder : DiscordMessageBuilderBase<DiscordInteractionResponseBuilder>
{
    public bool IsEphemeral { get; private set; }

    public DiscordInteractionResponseBuilder AsEphemeral(bool ephemeral = true)
    {
        IsEphemeral = ephemeral;
        return this;
    }
}
