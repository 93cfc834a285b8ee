namespace Bot.Discord.Gateway;

/// <summary>What READY told us that the rest of the bot needs: the application id for webhook and command routes.</summary>
public sealed record GatewayReady(ulong ApplicationId, ulong UserId, string UserName);
