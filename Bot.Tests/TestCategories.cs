namespace Bot.Tests;

/// <summary>
/// The one category every fixture carries (checked by <see cref="TestCategoriesTests"/>), for
/// <c>dotnet test --filter "TestCategory=unit"</c> and the like. Plain <c>dotnet test</c> runs them all; the VM
/// test then reports itself skipped unless CHALLENGEBOT_VM_TESTS=1 (which .ci/run sets).
/// </summary>
public static class TestCategories
{
    /// <summary>In memory only: no files, sockets or processes.</summary>
    public const string Unit = "unit";

    /// <summary>Real SQLite files, real sockets on 127.0.0.1, fakes and hosts inside the test process.</summary>
    public const string Integration = "integration";

    /// <summary>Starts the real bot process (or another program) and talks to it from outside.</summary>
    public const string Process = "process";

    /// <summary>Many requests at once against timing limits; runs alone so other tests cannot skew it.</summary>
    public const string Load = "load";

    /// <summary>Boots a qemu guest with systemd (minutes); opt-in with CHALLENGEBOT_VM_TESTS=1.</summary>
    public const string Vm = "vm";

    public static IReadOnlyList<string> All { get; } = [Unit, Integration, Process, Load, Vm];
}
