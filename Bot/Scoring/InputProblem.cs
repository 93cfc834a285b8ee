namespace Bot.Scoring;

/// <summary>
/// Why a value was refused, as a code and the values the reason names (a bound, a key), already text: what a host needs
/// to say <see cref="InvalidInputException.Reason"/> in its own words. Codes: <c>expected_object</c>,
/// <c>expected_array</c>, <c>expected_string</c>, <c>expected_bool</c>, <c>expected_number</c>,
/// <c>expected_integer</c>, <c>number_out_of_range</c> (the number), <c>outside</c> (the number, min, max),
/// <c>negative</c>, <c>at_least</c> (the minimum), <c>too_large</c> (the number), <c>unknown_key</c> (the key),
/// <c>invalid_json</c>.
/// </summary>
public sealed record InputProblem(string Code, params string[] Values);
