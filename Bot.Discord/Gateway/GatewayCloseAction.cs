namespace Bot.Discord.Gateway;

/// <summary>What to do after the gateway closed with a given code.</summary>
internal enum GatewayCloseAction
{
    Resume,
    NewSession,
    Fatal,
}
