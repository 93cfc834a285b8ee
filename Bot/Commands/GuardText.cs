using Bot.Discord.Commands;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>A line in the invoker's language (the interaction's <c>locale</c>): the guards' refusals, and the busy and export lines of <see cref="Replies"/>.</summary>
internal static class GuardText
{
    public static string Of(InteractionContext ctx, string key, params object[] args) => Catalog.Text(Languages.FromLocale(ctx.Locale), key, args);
}
