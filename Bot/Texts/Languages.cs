namespace Bot.Texts;

/// <summary>Which <see cref="Language"/> a Discord locale (an interaction's <c>locale</c>, a server's <c>preferred_locale</c>) gets.</summary>
internal static class Languages
{
    /// <summary>German for Discord's "de" (and any "de-…" a client might send), English for everything else and for none.</summary>
    public static Language FromLocale(string? locale) =>
        locale is not null && (locale.Equals("de", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("de-", StringComparison.OrdinalIgnoreCase))
            ? Language.German
            : Language.English;
}
