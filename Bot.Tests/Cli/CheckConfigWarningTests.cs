using Bot.Tests.Support;

namespace Bot.Tests.Cli;

/// <summary>check-config's warnings: valid settings that expose more than they seem to get a "warning:" line; the exit code stays 0.</summary>
[Category(TestCategories.Process)]
public sealed class CheckConfigWarningTests
{
    private const string Token = "management-token-for-tests-0123456789abcdef";
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("check-config-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private Task<CliResult> CheckAsync(Dictionary<string, string?> settings)
    {
        settings["DISCORD_TOKEN"] = "check-secret-token";
        settings["CHALLENGE_TIME_ZONE"] = "Europe/Vienna";
        return BotProcess.RunAsync(_folder, settings, "check-config");
    }

    [TestCase("http://0.0.0.0:8080")]
    [TestCase("http://127.0.0.1:8080;http://192.0.2.2:8080")]
    [TestCase("http://bot.example.org:8080")]
    public async Task CheckConfig_NonLoopbackHttpUrlsWithoutManagementToken_WarnsAndExits0(string httpUrls)
    {
        var result = await CheckAsync(new() { ["HTTP_URLS"] = httpUrls });

        AssertOk(result, 1, "HTTP_URLS", "MANAGEMENT_TOKEN");
    }

    [TestCase("http://0.0.0.0:8080", Token)]
    [TestCase("http://127.0.0.1:8080", null)]
    [TestCase("http://localhost:8080;http://[::1]:8080", null)]
    public async Task CheckConfig_LoopbackHttpUrlsOrManagementTokenSet_NoWarning(string httpUrls, string? token)
    {
        var result = await CheckAsync(new() { ["HTTP_URLS"] = httpUrls, ["MANAGEMENT_TOKEN"] = token });

        AssertOk(result, 0);
    }

    [TestCase("http://bot.example.org")]
    [TestCase("http://192.0.2.2:8080")]
    public async Task CheckConfig_PublicBaseUrlNotHttpsNorLoopback_WarnsAndExits0(string publicBaseUrl)
    {
        var result = await CheckAsync(new() { ["PUBLIC_BASE_URL"] = publicBaseUrl });

        AssertOk(result, 1, "PUBLIC_BASE_URL");
    }

    [TestCase("https://bot.example.org")]
    [TestCase("http://localhost:8080")]
    [TestCase("http://127.0.0.1:8080")]
    public async Task CheckConfig_PublicBaseUrlHttpsOrLoopback_NoWarning(string publicBaseUrl)
    {
        var result = await CheckAsync(new() { ["PUBLIC_BASE_URL"] = publicBaseUrl });

        AssertOk(result, 0);
    }

    [Test]
    public async Task CheckConfig_BothWarnings_OneLineEachAndTheTokenNeverPrinted()
    {
        var result = await CheckAsync(new() { ["HTTP_URLS"] = "http://0.0.0.0:8080", ["PUBLIC_BASE_URL"] = "http://bot.example.org" });

        AssertOk(result, 2, "HTTP_URLS", "PUBLIC_BASE_URL");
        Assert.That(result.Error + result.Output, Does.Not.Contain("check-secret-token"));
    }

    /// <summary>Exit code 0, the ok line, and exactly <paramref name="count"/> "warning:" lines (nothing else on standard error) saying these.</summary>
    private static void AssertOk(CliResult result, int count, params string[] mentions)
    {
        var warnings = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Multiple(() =>
        {
            Assert.That((result.ExitCode, result.Output.Trim()), Is.EqualTo((0, "ok: the settings are valid (nothing was contacted)")), result.Error);
            Assert.That(warnings, Has.Length.EqualTo(count), result.Error);
            Assert.That(warnings, Has.All.StartsWith("warning: "));
            foreach (var mention in mentions)
            {
                Assert.That(result.Error, Does.Contain(mention));
            }
        });
    }
}
