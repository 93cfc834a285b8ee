using System.Text.Json;
using Bot.Discord;
using Bot.Discord.Gateway;
using Bot.Discord.Interactions;
using Bot.Discord.Rest;
using Bot.Tests.Discord.Commands;
using Bot.Tests.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Bot.Tests.Discord.Interactions;

/// <summary>
/// The real interactions stack (DI, dispatcher, ack threads, REST) against a fake REST server,
/// driven through <see cref="IGatewayEventSink.Post"/> as the gateway would.
/// </summary>
internal sealed class InteractionTestHost : IAsyncDisposable
{
    private readonly IHostedService[] _hosted;

    private InteractionTestHost(FakeDiscordRest? server, ServiceProvider services, TimeProvider time)
    {
        Server = server;
        Services = services;
        Time = time;
        _hosted = [.. services.GetServices<IHostedService>()];
    }

    public FakeDiscordRest? Server { get; }

    public FakeDiscordRest Rest => Server ?? throw new InvalidOperationException("no Kestrel fake");

    public ServiceProvider Services { get; }

    public TimeProvider Time { get; }

    public HandlerProbe Probe => Services.GetRequiredService<HandlerProbe>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public IGatewayEventSink Sink => Services.GetServices<IGatewayEventSink>().Single();

    public static async Task<InteractionTestHost> StartAsync(TimeProvider? time = null, Uri? baseUrl = null, Action<DiscordClientOptions>? options = null)
    {
        var server = baseUrl is null ? await FakeDiscordRest.StartAsync() : null;
        var clock = time ?? TimeProvider.System;
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(clock);
        services.AddSingleton<HandlerProbe>();
        services.Configure<DiscordClientOptions>(o =>
        {
            o.Token = RestTestHost.Token;
            o.ApiBaseUrl = baseUrl ?? server!.BaseUrl;
            options?.Invoke(o);
        });
        services.AddSlashCommands(typeof(ProbeModule), typeof(AdminModule), typeof(GuardedModule));
        var host = new InteractionTestHost(server, services.BuildServiceProvider(), clock);
        foreach (var hosted in host._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return host;
    }

    public void Post(string eventName, string json)
    {
        using var document = JsonDocument.Parse(json);
        Sink.Post(new GatewayDispatch(eventName, 1, document.RootElement.Clone(), Time.GetTimestamp()));
    }

    public void PostInteraction(string json) => Post("INTERACTION_CREATE", json);

    public IReadOnlyList<FakeLogRecord> LogsWithId(int eventId) => [.. Logs.GetSnapshot().Where(l => l.Id.Id == eventId)];

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
        }

        await Services.DisposeAsync();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    internal static DiscordResult? Await(Task<DiscordResult> task) => task.Wait(TimeSpan.FromSeconds(10)) ? task.Result : null;
}
