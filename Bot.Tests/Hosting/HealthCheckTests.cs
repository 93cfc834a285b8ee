using System.Net;
using System.Text.Json;
using Bot.Tests.Discord.Gateway;
using Bot.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Hosting;

/// <summary>/healthz on the real host: 200 only with a reachable database and a live Discord session.</summary>
[Category(TestCategories.Integration)]
public sealed class HealthCheckTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Json)> HealthAsync(InProcessBot host)
    {
        using var response = await host.Client.GetAsync("/healthz");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    [Test]
    public async Task Healthz_DatabaseAndGatewayUp_200Healthy()
    {
        await using var host = await InProcessBot.StartAsync();
        await Eventually.ThatAsync(() => host.Discord.Connections.Count > 0 && host.Discord.Connections[^1].FramesOp(2).Any(), "IDENTIFY", TimeSpan.FromSeconds(60));

        var healthy = await Eventually.TrueAsync(() => HealthAsync(host).Result.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(20));

        // Once a heartbeat has been acknowledged the report says how long ago.
        await Eventually.ThatAsync(() => HealthAsync(host).Result.Json.TryGetProperty("heartbeat_ack_age_seconds", out var age) && age.ValueKind == JsonValueKind.Number, "a heartbeat ACK", TimeSpan.FromSeconds(20));
        var (status, json) = await HealthAsync(host);

        Assert.Multiple(() =>
        {
            Assert.That(healthy, Is.True);
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("healthy"));
            Assert.That(json.GetProperty("database_reachable").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("discord_connected").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("heartbeat_ack_age_seconds").GetDouble(), Is.InRange(0, 60));
            Assert.That(json.GetProperty("webhook_events_pending").GetInt32(), Is.Zero);
            Assert.That(json.GetProperty("strava").GetProperty("is_open").GetBoolean(), Is.True, "the Strava governor lets calls through");
        });
    }

    [Test]
    public async Task Healthz_GatewayNeverConnects_503WithDiscordFalse()
    {
        // Port 9 refuses connections: the gateway keeps backing off.
        await using var host = await InProcessBot.StartAsync(extra: new Dictionary<string, string?> { ["DISCORD_API_BASE_URL"] = "http://127.0.0.1:9/api/v10" });

        var (status, json) = await HealthAsync(host);

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(json.GetProperty("database_reachable").GetBoolean(), Is.True);
            Assert.That(json.GetProperty("discord_connected").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task Healthz_DatabaseFileGone_503WithDatabaseFalse()
    {
        await using var host = await InProcessBot.StartAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(host.DatabasePath);
        File.Delete(host.DatabasePath + "-wal");
        File.Delete(host.DatabasePath + "-shm");

        // A connection the host's start-up work still held when the file went keeps the deleted file open and goes back
        // to the pool afterwards: the pools are emptied until no connection to the old file is left to answer.
        SqliteConnection.ClearAllPools();
        var (status, json) = await HealthAsync(host);
        for (var look = 0; look < 50 && json.GetProperty("database_reachable").GetBoolean(); look++)
        {
            await Task.Delay(100);
            SqliteConnection.ClearAllPools();
            (status, json) = await HealthAsync(host);
        }

        using var api = await host.Client.GetAsync("/api/seasons");
        var apiBody = await api.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("unhealthy"));
            Assert.That(json.GetProperty("database_reachable").GetBoolean(), Is.False);
            Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError), "the API fails at its boundary");
            Assert.That(apiBody.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(apiBody, Does.Not.Contain("   at ").And.Not.Contain("Sqlite"));
        });
    }
}
