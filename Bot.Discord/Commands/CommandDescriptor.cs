using System.Reflection;

namespace Bot.Discord.Commands;

/// <summary>A routable command: its full path ("admin rules set"), handler and options.</summary>
internal sealed record CommandDescriptor(string Path, Type ModuleType, MethodInfo Method, IReadOnlyList<CommandParameter> Parameters, DeferMode Defer)
{
    /// <summary>Module and method, for logs: "AdminModule.Rules.SetAsync".</summary>
    public string HandlerName => $"{ModuleType.FullName?.Split('.')[^1].Replace('+', '.')}.{Method.Name}";
}
