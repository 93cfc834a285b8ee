using System.Reflection;
using NetArchTest.Rules;

namespace Bot.Tests.Architecture;

/// <summary>
/// The dependencies between the folders (first namespace segment under a root) of one assembly, read from its IL by
/// NetArchTest, and the first cycle among them with the type that makes each step.
/// </summary>
internal sealed class FolderGraph
{
    private readonly Dictionary<string, Dictionary<string, string>> _edges;

    private FolderGraph(Dictionary<string, Dictionary<string, string>> edges) => _edges = edges;

    /// <summary>The folders under the root that have types.</summary>
    public IReadOnlyCollection<string> Folders => _edges.Keys;

    public static FolderGraph Of(Assembly assembly, string root)
    {
        var folders = assembly.GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(ns => ns![(root.Length + 1)..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var edges = folders.ToDictionary(f => f, _ => new Dictionary<string, string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var from in folders)
        {
            foreach (var to in folders.Where(f => f != from))
            {
                var result = Types.InAssembly(assembly).That().ResideInNamespace($"{root}.{from}")
                    .ShouldNot().HaveDependencyOn($"{root}.{to}").GetResult();
                if (!result.IsSuccessful)
                {
                    edges[from][to] = result.FailingTypeNames.Order(StringComparer.Ordinal).First();
                }
            }
        }

        return new FolderGraph(edges);
    }

    /// <summary>The folders <paramref name="folder"/> depends on.</summary>
    public IReadOnlyCollection<string> DependenciesOf(string folder) => _edges[folder].Keys;

    /// <summary>The type of <paramref name="from"/> that uses <paramref name="to"/>, or null.</summary>
    public string? Witness(string from, string to) => _edges[from].GetValueOrDefault(to);

    /// <summary>One cycle as "A → B (A.Type) → A (B.Type)", or null when the folders depend on each other one way only.</summary>
    public string? FindCycle()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        var path = new List<string>();
        foreach (var start in _edges.Keys)
        {
            if (Visit(start, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private string? Visit(string folder, Dictionary<string, bool> state, List<string> path)
    {
        if (state.TryGetValue(folder, out var done))
        {
            return done ? null : Describe([.. path.Skip(path.IndexOf(folder)), folder]);
        }

        state[folder] = false;
        path.Add(folder);
        foreach (var next in _edges[folder].Keys)
        {
            if (Visit(next, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[folder] = true;
        return null;
    }

    private string Describe(List<string> cycle) =>
        cycle[0] + string.Concat(cycle.Zip(cycle.Skip(1)).Select(step => $" → {step.Second} ({_edges[step.First][step.Second]})"));
}
