namespace Bot.Tests.Support;

/// <summary>Skips a test and says why on the console of a plain <c>dotnet test</c>, not only in the result file.</summary>
internal static class Skip
{
    /// <summary>
    /// The reason also goes to TestContext.Error, which the NUnit adapter passes on at once as a warning, shown at the
    /// default (minimal) verbosity; the ignore message alone is printed only at normal verbosity.
    /// </summary>
    public static void Because(string reason)
    {
        TestContext.Error.WriteLine($"{TestContext.CurrentContext.Test.Name}: {reason}");
        Assert.Ignore(reason);
    }
}
