namespace Bot.Tests.Support;

/// <summary>Skips a test and says why on the console of a plain <c>dotnet test</c>, not only in the result file.</summary>
internal static class Skip
{
    /// <summary>
    /// The reason goes to the test's output, which test.runsettings (ConsoleOut 2) shows as a warning at the default
    /// verbosity; the ignore message alone is printed only at normal verbosity.
    /// </summary>
    public static void Because(string reason)
    {
        TestContext.Out.WriteLine(reason);
        Assert.Ignore(reason);
    }
}
