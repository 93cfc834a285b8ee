namespace Bot.Data.Legacy;

/// <summary>What an import did, as lines for a person: per season, members added, and differences kept.</summary>
public sealed record LegacyImportReport(IReadOnlyList<string> Lines, int Changes);
