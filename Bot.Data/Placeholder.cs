namespace Bot.Data;

internal static class Placeholder;
