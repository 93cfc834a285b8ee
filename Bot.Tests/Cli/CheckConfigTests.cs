using Bot.Tests.Support;

namespace Bot.Tests.Cli;

/// <summary>
/// check-config's problems and warnings: a value of the wrong type names its setting, every Strava problem is reported at
/// once; valid settings that expose more than they seem to get a "warning:" line and the exit code stays 0.
/// </summary>
[Category(TestCategories.Process)]
public sealed class CheckConfigTests
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

    [TestCase("CPU_WORKERS", "abc", "error: CPU_WORKERS: 'abc' is not a whole number")]
    [TestCase("CPU_QUEUE_LIMIT", "12x", "error: CPU_QUEUE_LIMIT: '12x' is not a whole number")]
    [TestCase("METRICS_PROMETHEUS", "maybe", "error: METRICS_PROMETHEUS: 'maybe' is not true or false")]
    [TestCase("WEBHOOK_RATE_LIMIT", "lots", "error: WEBHOOK_RATE_LIMIT: 'lots' is not a whole number")]
    public async Task CheckConfig_ValueOfWrongType_OneLineNamingTheSettingAndExitCode2(string name, string value, string expected)
    {
        var result = await CheckAsync(new() { [name] = value });

        Assert.That((result.ExitCode, result.Error.Trim()), Is.EqualTo((2, expected)));
    }

    [Test]
    public async Task CheckConfig_EveryStravaSettingWrong_EveryProblemOnItsOwnLine()
    {
        var result = await CheckAsync(new()
        {
            ["STRAVA_CLIENT_ID"] = "not-a-number",
            ["STRAVA_WEBHOOK_SECRET"] = "short",
            ["STRAVA_API_BASE_URL"] = "ftp://strava.example",
            ["STRAVA_OAUTH_BASE_URL"] = "nowhere",
            ["CPU_QUEUE_LIMIT"] = "0",
        });

        var lines = result.Error.TrimEnd().Split('\n').Select(line => line.Split(' ')[1]).Order(StringComparer.Ordinal);
        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "CPU_QUEUE_LIMIT", "PUBLIC_BASE_URL", "STRAVA_API_BASE_URL", "STRAVA_CLIENT_ID", "STRAVA_CLIENT_SECRET", "STRAVA_OAUTH_BASE_URL", "STRAVA_WEBHOOK_SECRET",
        }), result.Error);
    }

    [Test]
    public async Task Run_EveryStravaSettingWrong_EveryProblemOnItsOwnLineAndExitCode2()
    {
        var result = await BotProcess.RunAsync(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "check-secret-token",
            ["CHALLENGE_TIME_ZONE"] = "Europe/Vienna",
            ["STRAVA_CLIENT_ID"] = "12345",
        });

        Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
        Assert.That(result.Error.TrimEnd().Split('\n'), Is.EqualTo(new[]
        {
            "error: STRAVA_CLIENT_SECRET is not set: Strava needs it with STRAVA_CLIENT_ID",
            "error: PUBLIC_BASE_URL is not set: Strava linking (STRAVA_CLIENT_ID is set) needs the public address of this host for the OAuth redirect",
        }));
        Assert.That(Directory.GetFiles(_folder, "*.db*"), Is.Empty, "nothing was created");
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
