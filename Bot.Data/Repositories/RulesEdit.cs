namespace Bot.Data.Repositories;

/// <summary>What an edit makes of a season's rules: the new rules JSON to store, or the one-line reason it is refused (nothing stored).</summary>
public sealed record RulesEdit(string? RulesJson, string? Problem)
{
    public static RulesEdit Save(string rulesJson) => new(rulesJson, null);

    public static RulesEdit Refuse(string problem) => new(null, problem);
}
