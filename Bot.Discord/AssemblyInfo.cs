// Filled by the Bot.Discord issue: the gateway, REST and slash-command client.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Bot.Tests")]
