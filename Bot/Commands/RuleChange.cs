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
    /// <summary>
    /// The rules with <paramref name="key"/> set to <paramref name="value"/>, validated and in canonical form; or the
    /// one-line problem in <paramref name="language"/> (the validator's own words stay English: they name JSON keys).
    /// </summary>
    public static RulesEdit Set(string rulesJson, string key, JsonNode? value, Language language)
    {
        var rules = JsonNode.Parse(rulesJson)!.AsObject();

        // A copy: the caller's node may be applied again (to the rules as they are when the write lock is held).
        rules[key] = value?.DeepClone();
        var json = rules.ToJsonString();
        if (RulesJson.Validate(json) is { } problem)
        {
            return RulesEdit.Refuse(Catalog.Text(language, "admin.rules_refused", problem.Replace("$.", "", StringComparison.Ordinal)));
        }

        // Stored in the canonical form, so /rules and the export read the same keys.
        return RulesEdit.Save(RulesJson.Write(RulesJson.Parse(json)));
    }
}
