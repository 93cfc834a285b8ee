using System.Reflection;

namespace Bot.Discord.Commands;

/// <summary>
/// A routable command: its full path ("admin rules set"), handler, options, and what runs before it: the checks
/// (outermost module first) and the guards that fill the parameters between the context and the options.
/// </summary>
internal sealed record CommandDescriptor(
    string Path,
    Type ModuleType,
    MethodInfo Method,
    IReadOnlyList<CommandParameter> Parameters,
    DeferMode Defer,
    IReadOnlyList<InteractionCheckAttribute> Checks,
    IReadOnlyList<InteractionGuardAttribute> Guards)
{
    /// <summary>Module and method, for logs: "AdminModule.Rules.SetAsync".</summary>
    public string HandlerName => $"{ModuleType.FullName?.Split('.')[^1].Replace('+', '.')}.{Method.Name}";
}
