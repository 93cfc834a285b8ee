namespace Bot.Discord.Rest;

/// <summary>The body of <c>POST /users/@me/channels</c>.</summary>
internal sealed record DmChannelRequest(string RecipientId);
