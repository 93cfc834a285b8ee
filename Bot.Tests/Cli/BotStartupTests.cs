using System.Diagnostics;
using Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Cli;

/// <summary>Running the bot with no verb: settings checked first, then the database migrated.</summary>
[Category(TestCategories.Process)]
public sealed class BotStartupTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("bot-start-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Run_WithoutDiscordToken_OneLineAndExitCode2()
    {
        var result = await BotProcess.RunAsync(_folder, new Dictionary<string, string?>());

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2));
            Assert.That(result.Error.Trim(), Does.Contain("DISCORD_TOKEN").And.Not.Contain("   at "));
            Assert.That(result.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task Run_UnknownTimeZone_OneLineAndExitCode2()
    {
        var result = await BotProcess.RunAsync(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token",
            ["CHALLENGE_TIME_ZONE"] = "Mars/Olympus",
        });

        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That(result.Error, Does.Contain("CHALLENGE_TIME_ZONE"));
    }

    [Test]
    public async Task Run_CpuWorkersOutOfRange_OneLineAndExitCode2()
    {
        var result = await BotProcess.RunAsync(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token",
            ["CPU_WORKERS"] = "500",
            ["DISCORD_API_BASE_URL"] = "http://127.0.0.1:9/api/v10",
        });

        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That(result.Error, Does.Contain("CPU_WORKERS").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Run_ClockStartNotAnInstant_OneLineAndExitCode2()
    {
        var result = await BotProcess.RunAsync(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token",
            ["CLOCK_START_UTC"] = "next tuesday",
            ["DISCORD_API_BASE_URL"] = "http://127.0.0.1:9/api/v10",
        });

        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That(result.Error, Does.Contain("CLOCK_START_UTC").And.Not.Contain("   at "));
    }

    [Test]
    public async Task Run_DatabaseFileNotSqlite_OneLineExitCode2AndFileUnchanged()
    {
        var database = Path.Combine(_folder, "notes.db");
        await File.WriteAllTextAsync(database, "shopping list\n");

        var result = await BotProcess.RunAsync(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token",
            ["DATABASE_PATH"] = database,
        });

        Assert.That((result.ExitCode, result.Error.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), result.Error);
        Assert.That((result.Error.Contains("not a SQLite database", StringComparison.Ordinal), await File.ReadAllTextAsync(database)),
            Is.EqualTo((true, "shopping list\n")));
    }

    [Test]
    public async Task Run_WithToken_AppliesMigrationsToDatabasePath()
    {
        var database = Path.Combine(_folder, "state", "bot.db");
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        // Port 9 (discard) refuses connections: the gateway backs off while the database is migrated.
        var info = BotProcess.StartInfo(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token",
            ["DATABASE_PATH"] = database,
            ["DISCORD_API_BASE_URL"] = "http://127.0.0.1:9/api/v10",
        });
        using var process = Process.Start(info)!;
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline && !HasMigrationHistory(database) && !process.HasExited)
            {
                await Task.Delay(200);
            }

            Assert.That(HasMigrationHistory(database), Is.True, process.HasExited ? await process.StandardError.ReadToEndAsync() : "still running");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }
    }

    private static bool HasMigrationHistory(string database)
    {
        if (!File.Exists(database))
        {
            return false;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM __EFMigrationsHistory";
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    [Test]
    public async Task CheckConfig_ThreeBadSettings_OneLineEachExitCode2AndNothingContacted()
    {
        var result = await BotProcess.RunAsync(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "check-secret-token",
            ["CPU_WORKERS"] = "500",
            ["CLOCK_START_UTC"] = "soon",
            ["DISCORD_API_BASE_URL"] = "ftp://nowhere",
        }, "check-config");

        var lines = result.Error.TrimEnd().Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.Error);
            Assert.That(lines, Has.Length.EqualTo(3), result.Error);
            Assert.That(result.Error, Does.Contain("CPU_WORKERS").And.Contain("CLOCK_START_UTC").And.Contain("DISCORD_API_BASE_URL").And.Not.Contain("   at "));
            Assert.That(result.Error + result.Output, Does.Not.Contain("check-secret-token"));
            Assert.That(Directory.GetFiles(_folder, "*.db*"), Is.Empty, "no database was created");
        });
    }

    [Test]
    public async Task CheckConfig_ValidSettings_OkAndExitCode0WithoutADatabase()
    {
        var result = await BotProcess.RunAsync(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "check-secret-token",
            ["DISCORD_API_BASE_URL"] = "http://127.0.0.1:9/api/v10",
            ["CHALLENGE_TIME_ZONE"] = "Europe/Vienna",
        }, "check-config");

        Assert.That((result.ExitCode, result.Output.Trim()), Is.EqualTo((0, "ok: the settings are valid (nothing was contacted)")), result.Error);
        Assert.That(Directory.GetFiles(_folder, "*.db*"), Is.Empty);
    }

    [Test]
    public async Task Run_TwoBadSettings_OneLineForEachAndExitCode2()
    {
        var result = await BotProcess.RunAsync(_folder, new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token",
            ["CHALLENGE_TIME_ZONE"] = "Mars/Olympus",
            ["DISCORD_HANDLER_WARNING_SECONDS"] = "0",
            ["DISCORD_API_BASE_URL"] = "http://127.0.0.1:9/api/v10",
        });

        var lines = result.Error.TrimEnd().Split('\n');
        Assert.That((result.ExitCode, lines.Length), Is.EqualTo((2, 2)), result.Error);
        Assert.That(result.Error, Does.Contain("CHALLENGE_TIME_ZONE").And.Contain("DISCORD_HANDLER_WARNING_SECONDS").And.Not.Contain("   at "));
    }
}
