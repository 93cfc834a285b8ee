namespace Bot.Migrations;

internal static class Placeholder;
