using Bot.Discord;
using Bot.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Bot.Tests.Discord.Rest;

/// <summary>A service provider with the real REST registration pointed at a fake server, logs captured.</summary>
internal sealed class RestTestHost : IAsyncDisposable
{
    public const string Token = "test-token.secret";

    private RestTestHost(FakeDiscordRest server, ServiceProvider services)
    {
        Server = server;
        Services = services;
    }

    public FakeDiscordRest Server { get; }

    public ServiceProvider Services { get; }

    public DiscordRestClient Rest => Services.GetRequiredService<DiscordRestClient>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static async Task<RestTestHost> StartAsync(Action<IServiceCollection>? configure = null, Action<DiscordClientOptions>? options = null, Action<RestSettings>? settings = null)
    {
        var server = await FakeDiscordRest.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
        var restSettings = new RestSettings();
        settings?.Invoke(restSettings);
        services.AddSingleton(restSettings);
        services.Configure<DiscordClientOptions>(o =>
        {
            o.Token = Token;
            o.ApiBaseUrl = server.BaseUrl;
            o.UserAgentUrl = "https://example.test/bot";
            o.UserAgentVersion = "2.5";
            options?.Invoke(o);
        });
        services.AddDiscordRest();
        configure?.Invoke(services);
        return new RestTestHost(server, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
