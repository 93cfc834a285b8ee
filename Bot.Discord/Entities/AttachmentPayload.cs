namespace Bot.Discord.Entities;

/// <summary>One entry of a message's <c>attachments</c> array; <see cref="Id"/> names the part <c>files[id]</c>.</summary>
internal sealed record AttachmentPayload(string Id, string Filename, string? Description);
