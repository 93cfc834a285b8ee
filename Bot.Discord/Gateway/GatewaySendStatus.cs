namespace Bot.Discord.Gateway;

internal enum GatewaySendStatus
{
    Sent,
    RateLimited,
    Closed,
}
