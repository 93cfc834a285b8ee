using System.Text.Json.Nodes;
using Bot.Data.Repositories;
using Bot.Scoring;
using Bot.Texts;

namespace Bot.Commands;

/// <summary>
/// <c>/admin rules set</c> as a pure function of the stored rules, so the repository can apply it to the rules it
/// re-reads inside the write transaction (<see cref="ChallengeRepository.EditRulesAsync"/>).
/// </summary>
internal static class RuleChange
{
    /// <summary>The German catalog's keys for the validator's reasons.</summary>
    public const string ProblemPrefix = "rules_problem.";

    /// <summary>
    /// The rules with <paramref name="key"/> set to <paramref name="value"/>, validated and in canonical form; or the
    /// one-line problem in <paramref name="language"/>, naming the rule's key as it is written.
    /// </summary>
    public static RulesEdit Set(string rulesJson, string key, JsonNode? value, Language language)
    {
        var rules = JsonNode.Parse(rulesJson)!.AsObject();

        // A copy: the caller's node may be applied again (to the rules as they are when the write lock is held).
        rules[key] = value?.DeepClone();
        var json = rules.ToJsonString();
        if (RulesJson.Check(json) is { } problem)
        {
            return RulesEdit.Refuse(Catalog.Text(language, "admin.rules_refused", Reason(problem, language)));
        }

        // Stored in the canonical form, so /rules and the export read the same keys.
        return RulesEdit.Save(RulesJson.Write(RulesJson.Parse(json)));
    }

    /// <summary>
    /// "points_required: must be at least 1, found 0" as the validator says it; in German from the catalog's
    /// <c>rules_problem.CODE</c> keys (English stays the validator's own, as the commands' English descriptions do).
    /// </summary>
    private static string Reason(InvalidInputException problem, Language language)
    {
        var key = problem.Path.StartsWith("$.", StringComparison.Ordinal) ? problem.Path[2..] : problem.Path;
        var reason = language == Language.German && problem.Problem is { } coded
            ? Catalog.Text(Language.German, ProblemPrefix + coded.Code, [.. coded.Values])
            : problem.Reason;
        return $"{key}: {reason}";
    }
}
