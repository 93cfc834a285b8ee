using System.Reflection;
using Bot.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Discord.Commands;

/// <summary>
/// Runs one interaction's handler: waits for the automatic defer, binds options, runs the checks and guards
/// (the first refusal is the private answer, and no module is created), creates the module in a DI scope,
/// watches the run time and turns any failure into one log line and an ephemeral "Something went wrong."
/// (a boundary: nothing escapes).
/// </summary>
internal sealed class CommandExecutor(
    IServiceScopeFactory scopes, IOptions<DiscordClientOptions> options, TimeProvider time, ILogger<CommandExecutor> logger, DiscordMetrics? metrics = null, IClientTexts? texts = null)
{
    public async Task ExecuteAsync(InteractionResponder responder, CommandDescriptor? command, CancellationToken cancellationToken)
    {
        var interaction = responder.Interaction;
        if (command is null)
        {
            CommandLog.UnknownCommand(logger, interaction.CommandPath, interaction.Id);
            metrics?.CommandHandled(interaction.CommandPath, "unknown", null);
            await responder.TryReportAsync(Say(interaction, ClientText.UnknownCommand), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (command.Defer != DeferMode.None)
        {
            var ack = await responder.AutoAck.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (ack.IsTerminalForInteraction)
            {
                return; // logged once by the responder; the user already saw "did not respond"
            }
        }

        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var context = new InteractionContext(responder, scope.ServiceProvider, cancellationToken);
        var (arguments, problem) = OptionBinder.Bind(command, interaction.Options, context);
        if (problem is not null)
        {
            CommandLog.InvalidOption(logger, interaction.CommandPath, problem.English);
            metrics?.CommandHandled(interaction.CommandPath, "invalid", null);
            await responder.TryReportAsync(Say(interaction, problem), cancellationToken).ConfigureAwait(false);
            return;
        }

        var threshold = options.Value.HandlerWarningThreshold;
        using var watchdog = time.CreateTimer(
            _ => CommandLog.SlowHandler(logger, command.HandlerName, interaction.CommandPath, threshold.TotalSeconds),
            null,
            threshold,
            Timeout.InfiniteTimeSpan);
        object? module = null;
        var started = time.GetTimestamp();
        var outcome = "failed";
        try
        {
            if (await RefusalAsync(command, context, arguments).ConfigureAwait(false) is { } refusal)
            {
                outcome = "refused";
                CommandLog.Refused(logger, interaction.CommandPath, refusal);
                await responder.TryReportAsync(refusal, cancellationToken).ConfigureAwait(false);
                return;
            }

            module = ActivatorUtilities.CreateInstance(scope.ServiceProvider, command.ModuleType);
            await ((Task)command.Method.Invoke(module, arguments)!).ConfigureAwait(false);
            outcome = "ok";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // shutting down
            outcome = "cancelled";
        }
        catch (Exception e)
        {
            CommandLog.HandlerFailed(logger, e is TargetInvocationException { InnerException: { } inner } ? inner : e, command.HandlerName, interaction.CommandPath);
            await responder.TryReportAsync(Say(interaction, ClientText.Failure), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            metrics?.CommandHandled(interaction.CommandPath, outcome, time.GetElapsedTime(started));
            switch (module)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    /// <summary>The line in the invoker's language when the host has it, else the library's English.</summary>
    private string Say(DiscordInteraction interaction, ClientText text) => texts?.For(interaction.Locale, text) ?? text.English;

    /// <summary>Runs the checks, then fills the guarded parameters; the first refusal stops there and is returned.</summary>
    private static async Task<string?> RefusalAsync(CommandDescriptor command, InteractionContext context, object?[] arguments)
    {
        foreach (var check in command.Checks)
        {
            if (await check.RefusalAsync(context).ConfigureAwait(false) is { } refusal)
            {
                return refusal;
            }
        }

        if (command.Guards.Count == 0)
        {
            return null;
        }

        var first = 1 + command.Guards.Count;
        var options = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < command.Parameters.Count; i++)
        {
            options[command.Parameters[i].Name] = arguments[first + i];
        }

        for (var i = 0; i < command.Guards.Count; i++)
        {
            var (value, refusal) = await command.Guards[i].ResolveUntypedAsync(context, options).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            arguments[1 + i] = value;
        }

        return null;
    }
}
