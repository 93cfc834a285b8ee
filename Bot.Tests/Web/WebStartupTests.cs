using System.Net;
using System.Net.Sockets;
using Bot.Tests.Support;

namespace Bot.Tests.Web;

/// <summary>The real bot process with wrong web settings: one line naming the setting, exit code 2, nothing started.</summary>
public sealed class WebStartupTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("bot-web-start-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    private async Task<CliResult> RunAsync(Dictionary<string, string?> settings)
    {
        settings["DISCORD_TOKEN"] = "test-token";
        settings["DATABASE_PATH"] = Path.Combine(_folder, "bot.db");
        settings["DISCORD_API_BASE_URL"] = "http://127.0.0.1:9/api/v10";
        return await BotProcess.RunAsync(_folder, settings);
    }

    [TestCase("HTTP_URLS", "not a url")]
    [TestCase("HTTP_URLS", "ftp://127.0.0.1:21")]
    [TestCase("PUBLIC_BASE_URL", "bot.example.org")]
    [TestCase("STATE_SIGNING_KEY", "too-short")]
    public async Task Run_BadWebSetting_OneLineNamingItAndExitCode2(string name, string value)
    {
        var result = await RunAsync(new Dictionary<string, string?> { [name] = value });

        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That(result.Error, Does.Contain(name).And.Not.Contain("   at "));
    }

    [Test]
    public async Task Run_StravaWithoutPublicBaseUrl_OneLineAndExitCode2()
    {
        var result = await RunAsync(new Dictionary<string, string?> { ["STRAVA_CLIENT_ID"] = "123", ["STRAVA_CLIENT_SECRET"] = "startup-test-secret" });

        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That(result.Error, Does.Contain("PUBLIC_BASE_URL"));
    }

    [Test]
    public async Task Run_PortTaken_OneLineAndExitCode2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await RunAsync(new Dictionary<string, string?> { ["HTTP_URLS"] = $"http://127.0.0.1:{port}" });

        Assert.That((result.ExitCode, result.Error.Trim().Split('\n').Length), Is.EqualTo((2, 1)), result.Error + result.Output);
        Assert.That(result.Error, Does.Contain("HTTP_URLS").And.Not.Contain("   at "));
    }
}
