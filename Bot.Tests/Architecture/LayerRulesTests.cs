using System.Reflection;
using Bot.Scoring;
using NetArchTest.Rules;

namespace Bot.Tests.Architecture;

/// <summary>The layer rules of docs/ARCHITECTURE.md, checked on the compiled assemblies.</summary>
[Category(TestCategories.Unit)]
public sealed class LayerRulesTests
{
    private static readonly Assembly BotAssembly = typeof(SeasonScorer).Assembly;

    // Reading the graph takes a few seconds (90 folder pairs); the rules share one reading.
    private static readonly Lazy<FolderGraph> BotGraph = new(() => FolderGraph.Of(BotAssembly, "Bot"));

    /// <summary>The folders of Bot in their one-way order: each may use only the ones before it.</summary>
    private static readonly string[] FolderOrder =
        ["Threading", "Configuration", "Texts", "Schedule", "Scoring", "Web", "Standings", "Pictures", "Strava", "Recaps", "Nudges", "Commands", "Hosting", "Cli"];

    [Test]
    public void Scoring_DependsOnNothingOfOurs()
    {
        var result = Types.InAssembly(BotAssembly).That().ResideInNamespace("Bot.Scoring")
            .ShouldNot().HaveDependencyOnAny([.. FolderOrder.Where(f => f != "Scoring").Select(f => "Bot." + f), "Bot.Data", "Bot.Discord"])
            .GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty, "Scoring is the pure engine: these types use another folder or project");
    }

    [TestCase("Bot.Data")]
    [TestCase("Bot.Discord")]
    public void LowerProject_NeverDependsOnTheHost(string project)
    {
        var assembly = Assembly.Load(project);

        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny([.. FolderOrder.Select(f => "Bot." + f)]).GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty, $"{project} must not use the Bot project");
    }

    [Test]
    public void BotFolders_HaveNoCycle()
    {
        var graph = BotGraph.Value;

        Assert.That(graph.FindCycle(), Is.Null, "the folders of Bot depend on each other in a loop");
    }

    [Test]
    public void BotFolders_DependOnlyOnEarlierFolders()
    {
        var graph = BotGraph.Value;

        var backwards = graph.Folders
            .SelectMany(from => graph.DependenciesOf(from).Select(to => (from, to)))
            .Where(edge => Array.IndexOf(FolderOrder, edge.to) > Array.IndexOf(FolderOrder, edge.from))
            .Select(edge => $"{edge.from} → {edge.to} ({graph.Witness(edge.from, edge.to)})");

        Assert.Multiple(() =>
        {
            Assert.That(graph.Folders, Is.SubsetOf(FolderOrder), "a new folder needs its place in the order (and in docs/ARCHITECTURE.md)");
            Assert.That(backwards, Is.Empty, $"dependencies against the order {string.Join(" ← ", FolderOrder)}");
        });
    }

    [Test]
    public void FolderGraph_DeliberateCycle_IsReportedWithTheTypes()
    {
        var graph = FolderGraph.Of(typeof(LayerRulesTests).Assembly, "Bot.Tests.Architecture.Sample");

        Assert.That(graph.FindCycle(), Is.EqualTo("A → B (Bot.Tests.Architecture.Sample.A.SampleA) → A (Bot.Tests.Architecture.Sample.B.SampleB)"));
    }

    [Test]
    public void FolderGraph_BotFolders_SeesTheKnownDependencies()
    {
        var graph = BotGraph.Value;

        Assert.Multiple(() =>
        {
            Assert.That(graph.DependenciesOf("Commands"), Does.Contain("Scoring").And.Contain("Standings"));
            Assert.That(graph.DependenciesOf("Scoring"), Is.Empty);
        });
    }
}
