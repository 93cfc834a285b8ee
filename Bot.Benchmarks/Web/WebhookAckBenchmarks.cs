using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Benchmarks.Web;

/// <summary>
/// Strava webhook acknowledgement: <c>POST /strava/webhook/&lt;secret&gt;</c> with a valid event on the real host (Kestrel
/// on loopback, a SQLite file in WAL mode) until the 200 is back; the event is checked (our subscription, a linked
/// member) and queued as a row, and Strava is never called in the request. Target: p99 under 50 ms.
/// Run: dotnet run -c Release --project Bot.Benchmarks -- --filter '*WebhookAck*'
/// </summary>
[Config(typeof(WebhookAckConfig))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes in [GlobalCleanup]")]
public class WebhookAckBenchmarks
{
    private string _folder = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private const string Secret = "benchmark-webhook-secret-0123456789abcdef";
    private const long Owner = 134815;
    private const long Subscription = 120475;

    private long _event;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("webhook-bench-").FullName;
        _app = BotApp.Build([], new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "benchmark-token",

            // Port 9 refuses: the gateway backs off in the background, as while Discord is unreachable.
            ["DISCORD_API_BASE_URL"] = "http://127.0.0.1:9/api/v10",
            ["DATABASE_PATH"] = Path.Combine(_folder, "bench.db"),
            ["HTTP_URLS"] = "http://127.0.0.1:0",
            ["CHALLENGE_TIME_ZONE"] = "UTC",
            ["STRAVA_WEBHOOK_SECRET"] = Secret,

            // The benchmark is one client sending far more than Strava ever would.
            ["WEBHOOK_RATE_LIMIT"] = "100000000",
            ["Logging:LogLevel:Default"] = "Error",
        });
        BotApp.PrepareAsync(_app, CancellationToken.None).GetAwaiter().GetResult();
        SeedAsync(_app.Services).GetAwaiter().GetResult();
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
        if (!PostEvent())
        {
            throw new InvalidOperationException("the webhook did not accept a valid event");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public bool PostEvent()
    {
        var id = 9_000_000_000 + Interlocked.Increment(ref _event);
        using var content = new StringContent(
            $$$"""{"aspect_type":"create","event_time":1767600000,"object_id":{{{id}}},"object_type":"activity","owner_id":{{{Owner}}},"subscription_id":{{{Subscription}}},"updates":{}}""",
            Encoding.UTF8, "application/json");
        using var response = _client.PostAsync("/strava/webhook/" + Secret, content).GetAwaiter().GetResult();
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Our subscription and the event's owner as a linked member, so every event is stored.</summary>
    private static async Task SeedAsync(IServiceProvider services)
    {
        await services.GetRequiredService<Bot.Data.Repositories.StravaSubscriptionStore>().SetAsync(Subscription);
        await services.GetRequiredService<Bot.Data.Repositories.StravaLinkRepository>().LinkAsync(new Bot.Data.Repositories.StravaLinkRequest(
            1, Owner, "Bench", "Mark", null, "access", "refresh", DateTime.UtcNow.AddHours(6), "read,activity:read_all"));
    }
}
