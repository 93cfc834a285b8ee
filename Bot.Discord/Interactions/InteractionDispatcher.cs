using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Bot.Discord.Commands;
using Bot.Discord.Gateway;
using Bot.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Discord.Interactions;

/// <summary>
/// The gateway's sink for READY and INTERACTION_CREATE. <see cref="Post"/> parses, queues and returns:
/// an automatic defer goes to the dedicated acknowledgement threads, the handler to a bounded channel
/// drained by a fixed number of consumer tasks. Nothing here waits on a handler.
/// </summary>
internal sealed class InteractionDispatcher : IGatewayEventSink, IHostedService, IDisposable
{
    private readonly DiscordRestClient _rest;
    private readonly DiscordApplication _application;
    private readonly SlashCommandRegistry _registry;
    private readonly CommandExecutor _executor;
    private readonly CommandRegistrar _registrar;
    private readonly AckSender _acks;
    private readonly InteractionSettings _settings;
    private readonly TimeProvider _time;
    private readonly DiscordMetrics? _metrics;
    private readonly ILogger<InteractionDispatcher> _logger;
    private readonly ILogger<InteractionResponder> _responderLogger;
    private readonly Channel<InteractionWork> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _consumers = [];
    private int _registered;

    public InteractionDispatcher(DiscordRestClient rest, DiscordApplication application, SlashCommandRegistry registry, CommandExecutor executor, CommandRegistrar registrar, AckSender acks, InteractionSettings settings, TimeProvider time, ILoggerFactory loggers, DiscordMetrics? metrics = null)
    {
        _rest = rest;
        _application = application;
        _registry = registry;
        _executor = executor;
        _registrar = registrar;
        _acks = acks;
        _settings = settings;
        _time = time;
        _metrics = metrics;
        _logger = loggers.CreateLogger<InteractionDispatcher>();
        _responderLogger = loggers.CreateLogger<InteractionResponder>();
        _queue = Channel.CreateBounded<InteractionWork>(new BoundedChannelOptions(settings.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>The registration started by the first READY (for tests and the host).</summary>
    public Task<DiscordResult>? Registration { get; private set; }

    public void Post(GatewayDispatch dispatch)
    {
        switch (dispatch.EventName)
        {
            case "READY":
                OnReady(dispatch.Data);
                break;
            case "INTERACTION_CREATE":
                OnInteraction(dispatch);
                break;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _acks.Start();
        for (var i = 0; i < _settings.HandlerConcurrency; i++)
        {
            _consumers.Add(Task.Run(() => ConsumeAsync(_stopping.Token), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_consumers).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the host's shutdown timeout: cancel what is still running
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _acks.Stop(TimeSpan.FromSeconds(2));
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _acks.Dispose();
    }

    private void OnReady(JsonElement d)
    {
        if (!d.TryGetProperty("application", out var application) || !application.TryGetProperty("id", out var idElement)
            || !ulong.TryParse(idElement.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            InteractionLog.ReadyWithoutApplication(_logger);
            return;
        }

        _application.Set(id);
        if (Interlocked.Exchange(ref _registered, 1) == 0)
        {
            // Once per process: a re-identify sends READY again, but the commands have not changed.
            Registration = Task.Run(() => _registrar.RegisterAsync(id, _stopping.Token), CancellationToken.None);
        }
    }

    private void OnInteraction(GatewayDispatch dispatch)
    {
        DiscordInteraction interaction;
        try
        {
            interaction = InteractionParser.Parse(dispatch.Data, dispatch.ReceivedTimestamp);
        }
        catch (FormatException e)
        {
            InteractionLog.Malformed(_logger, e.Message);
            return;
        }

        if (interaction.Type != DiscordInteraction.ApplicationCommandType)
        {
            InteractionLog.Ignored(_logger, interaction.Id, interaction.Type);
            return;
        }

        _application.Set(interaction.ApplicationId);
        var responder = new InteractionResponder(interaction, _rest, _settings, _time, _responderLogger, _metrics);
        var command = _registry.Find(interaction.CommandPath);
        if (!_queue.Writer.TryWrite(new InteractionWork(responder, command)))
        {
            InteractionLog.QueueFull(_logger, _settings.QueueCapacity, interaction.Id);
            return;
        }

        if (command is { Defer: not DeferMode.None })
        {
            _acks.Enqueue(responder, command.Defer == DeferMode.Ephemeral);
        }
    }

    private async Task ConsumeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await _executor.ExecuteAsync(work.Responder, work.Command, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
