namespace Bot.Discord.Rest;

/// <summary>
/// One request target. <see cref="Template"/> names the route without ids or tokens and is the only
/// part that is ever logged; <see cref="MajorParameter"/> is the top-level resource for bucketing.
/// </summary>
internal sealed record RestRoute(HttpMethod Method, string Template, string Path, string MajorParameter, RestRouteKind Kind)
{
    public string RouteKey => $"{Method.Method} {Template} {MajorParameter}";

    public override string ToString() => $"{Method.Method} {Template}";
}
