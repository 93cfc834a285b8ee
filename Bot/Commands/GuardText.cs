using Bot.Discord.Commands;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>The guards' refusal lines, in the invoker's language (the interaction's <c>locale</c>).</summary>
internal static class GuardText
{
    public static string Of(InteractionContext ctx, string key, params object[] args) => Catalog.Text(Languages.FromLocale(ctx.Locale), key, args);
}
