namespace Bot.Discord.Gateway;

/// <summary>Why one connection ended, as decided by whoever ended it first.</summary>
internal enum GatewayEndReason
{
    /// <summary>The socket closed or broke; the close code decides.</summary>
    Closed,
    ConnectFailed,
    Zombie,
    Reconnect,
    InvalidSessionResumable,
    InvalidSessionNew,
    Shutdown,
}
