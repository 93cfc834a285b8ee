namespace Bot.Discord.Commands;

internal enum DeferMode
{
    None,
    Public,
    Ephemeral,
}
