using System.Net;
using System.Net.Sockets;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;

namespace Bot.Tests.Web;

/// <summary>The real bot process with wrong web settings: one line naming the setting, exit code 2, nothing started.</summary>
[Category(TestCategories.Process)]
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
        settings.TryAdd("DISCORD_API_BASE_URL", "http://127.0.0.1:9/api/v10");
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
    public async Task Run_PortTaken_OneLogLineNamingTheAddressNoStackTraceExitCode2()
    {
        using var discord = FakeDiscordGateway.Start(heartbeatIntervalMs: 1000);
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var result = await RunAsync(new Dictionary<string, string?> { ["HTTP_URLS"] = address, ["DISCORD_API_BASE_URL"] = discord.ApiBaseUrl.ToString() });

        // Standard output and standard error together: the host's own log of the failure is part of what an operator reads.
        var lines = (result.Output + result.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That((result.ExitCode, lines.Length), Is.EqualTo((2, 1)), result.Output + result.Error);
        Assert.That(lines[0], Does.Contain(address).And.Contain("HTTP_URLS").And.Contain("in use"));
        Assert.That(result.Output + result.Error, Does.Not.Contain("   at "));
    }
}
