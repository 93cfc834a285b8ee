using Bot.Discord.Entities;

namespace Bot.Commands;

/// <summary>The files of <c>/admin export</c> and how many members they leave out (no consent to channel reports).</summary>
public sealed record AdminExport(IReadOnlyList<DiscordAttachment> Files, int Hidden);
