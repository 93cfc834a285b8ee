using Bot.Hosting;
using Bot.Strava;
using Bot.Strava.Linking;
using Bot.Strava.Webhooks;
using Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Web;

/// <summary>The seams between the web side and the Strava client: fallbacks until the client registers its own.</summary>
[Category(TestCategories.Integration)]
public sealed class WebRegistrationTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["DISCORD_TOKEN"] = "registration-token",
        ["DATABASE_PATH"] = Path.Combine(Path.GetTempPath(), "never-opened.db"),
        ["HTTP_URLS"] = "http://127.0.0.1:0",
    };

    [Test]
    public async Task Build_NoStravaClient_FallbacksAnswerNotConfiguredAndSignalIsSilent()
    {
        await using var app = BotApp.Build([], Settings);

        var accounts = app.Services.GetRequiredService<IStravaLinking>();
        var link = await accounts.CompleteLinkAsync(1, 2, "code", "read,activity:read_all", CancellationToken.None);
        app.Services.GetRequiredService<IWebhookQueueSignal>().Notify();

        Assert.Multiple(() =>
        {
            Assert.That(accounts, Is.TypeOf<UnconfiguredStravaLinking>());
            Assert.That((link.Succeeded, link.Problem), Is.EqualTo((false, UnconfiguredStravaLinking.NotConfigured)));
            Assert.That(app.Services.GetRequiredService<IWebhookQueueSignal>(), Is.TypeOf<NoWebhookQueueSignal>());
        });
    }

    [Test]
    public async Task Build_StravaClientRegisteredWithAddSingleton_ItWinsOverTheFallbacks()
    {
        var real = new RecordingStravaLinking();
        var signal = new RecordingQueueSignal();

        await using var app = BotApp.Build([], Settings, services =>
        {
            services.AddSingleton<IStravaLinking>(real);
            services.AddSingleton<IWebhookQueueSignal>(signal);
        });

        Assert.That(app.Services.GetRequiredService<IStravaLinking>(), Is.SameAs(real));
        Assert.That(app.Services.GetRequiredService<IWebhookQueueSignal>(), Is.SameAs(signal));
    }

    [Test]
    public async Task StravaAuthAndUnlink_StravaNotConfigured_SaySoPrivatelyInTheInvokersLanguageAndCallNothing()
    {
        await using var host = await InProcessBot.StartAsync(extra: new Dictionary<string, string?> { ["STRAVA_CLIENT_ID"] = "" });

        var auth = await host.Commands.PrivateAnswerAsync("strava_auth", user: 701);
        var unlink = await host.Commands.PrivateAnswerAsync("unlink", user: 701);
        var (germanAuth, _) = await host.Commands.InvokeAsync("strava_auth", user: 701, extra: "\"locale\":\"de\",");
        var (germanUnlink, _) = await host.Commands.InvokeAsync("unlink", user: 701, extra: "\"locale\":\"de\",");

        const string German = "Strava ist auf diesem Bot nicht eingerichtet (STRAVA_CLIENT_ID ist nicht gesetzt).";
        Assert.Multiple(() =>
        {
            Assert.That(auth, Does.Contain("not configured").And.Not.Contain("http"));
            Assert.That(unlink, Does.Contain("not configured"));
            Assert.That((Content(germanAuth.Body), Content(germanUnlink.Body)), Is.EqualTo((German, German)));
            Assert.That(host.Linking.Calls, Is.Zero);
        });
    }

    private static string? Content(string body)
    {
        using var edit = System.Text.Json.JsonDocument.Parse(body);
        return edit.RootElement.GetProperty("content").GetString();
    }
}
