namespace Bot.Discord.Commands;

/// <summary>One choice of a string option (ApplicationCommandOptionStringChoice in the spec): what users see, what the bot gets.</summary>
internal sealed record ApplicationCommandChoicePayload(string Name, string Value);
