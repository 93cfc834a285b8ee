using System.Reflection;

namespace Bot.Tests;

[Category(TestCategories.Unit)]
public sealed class TestCategoriesTests
{
    private static readonly Type[] Fixtures = [.. typeof(TestCategoriesTests).Assembly.GetTypes().Where(IsFixture).OrderBy(t => t.FullName)];

    [Test]
    public void EveryFixture_CarriesExactlyOneKnownCategory()
    {
        var wrong = Fixtures
            .Select(t => (Fixture: t.FullName, Categories: t.GetCustomAttributes<CategoryAttribute>(inherit: false).Select(c => c.Name).ToList()))
            .Where(f => f.Categories.Count != 1 || !TestCategories.All.Contains(f.Categories[0]))
            .Select(f => $"{f.Fixture}: [{string.Join(", ", f.Categories)}]");

        Assert.That(Fixtures, Is.Not.Empty);
        Assert.That(wrong, Is.Empty, $"every fixture carries one of {string.Join(", ", TestCategories.All)}");
    }

    [Test]
    public void TestMethods_CarryNoCategoryOfTheirOwn()
    {
        var tagged = Fixtures.SelectMany(t => t.GetMethods()).Where(m => m.GetCustomAttributes<CategoryAttribute>().Any()).Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.That(tagged, Is.Empty, "a category on a method would let one fixture straddle two categories");
    }

    [Test]
    public void LoadAndVmFixtures_RunAlone()
    {
        var parallel = Fixtures
            .Where(t => t.GetCustomAttributes<CategoryAttribute>().Any(c => c.Name is TestCategories.Load or TestCategories.Vm))
            .Where(t => !t.GetCustomAttributes<NonParallelizableAttribute>().Any())
            .Select(t => t.Name);

        Assert.That(parallel, Is.Empty, "timing measured beside other tests would measure the other tests");
    }

    private static bool IsFixture(Type type) =>
        type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Any(m => m.GetCustomAttributes().Any(a => a is TestAttribute or TestCaseAttribute or TestCaseSourceAttribute));
}
