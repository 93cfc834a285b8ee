using System.Globalization;
using Bot.Discord.Interactions;

namespace Bot.Discord.Commands;

/// <summary>Turns an interaction's options into handler arguments, or the line for the user naming what is wrong.</summary>
internal static class OptionBinder
{
    public static (object?[] Arguments, ClientText? Problem) Bind(CommandDescriptor command, IReadOnlyList<InteractionOption> options, InteractionContext context)
    {
        // The context, then the guarded parameters (filled by CommandExecutor), then the options.
        var first = 1 + command.Guards.Count;
        var arguments = new object?[first + command.Parameters.Count];
        arguments[0] = context;
        for (var i = 0; i < command.Parameters.Count; i++)
        {
            var parameter = command.Parameters[i];
            var option = options.FirstOrDefault(o => o.Name == parameter.Name);
            if (option?.Value is null)
            {
                if (parameter.Required)
                {
                    return (arguments, ClientText.Required(parameter.Name));
                }

                arguments[first + i] = parameter.DefaultValue;
                continue;
            }

            var (value, problem) = Convert(parameter, option.Value);
            if (problem is not null)
            {
                return (arguments, problem);
            }

            arguments[first + i] = value;
        }

        return (arguments, null);
    }

    private static (object? Value, ClientText? Problem) Convert(CommandParameter parameter, object raw)
    {
        if (parameter.OptionType is 4 or 10)
        {
            var number = raw switch
            {
                long l => (double)l,
                double d => d,
                _ => double.NaN,
            };
            if (double.IsNaN(number) || (parameter.Minimum is { } min && number < min) || (parameter.Maximum is { } max && number > max))
            {
                return (null, RangeMessage(parameter));
            }

            if (parameter.ClrType == typeof(int))
            {
                return raw is long l && l is >= int.MinValue and <= int.MaxValue ? ((int)l, null) : (null, RangeMessage(parameter));
            }

            if (parameter.ClrType == typeof(long))
            {
                return raw is long l ? (l, null) : (null, RangeMessage(parameter));
            }

            return (number, null);
        }

        if (parameter.OptionType == 7)
        {
            return ulong.TryParse(System.Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var channel)
                ? (new Entities.DiscordChannel(channel), null)
                : (null, ClientText.Channel(parameter.Name));
        }

        if (parameter.Choices is { } choices)
        {
            // Discord offers only the choices; anything else (an old client, a hand-made request) is named, not guessed.
            var text = System.Convert.ToString(raw, CultureInfo.InvariantCulture);
            return choices.Contains(text, StringComparer.Ordinal)
                ? (Enum.Parse(parameter.ClrType, text!), null)
                : (null, ClientText.Choice(parameter.Name, choices));
        }

        return parameter.ClrType == typeof(bool)
            ? raw is bool b ? (b, null) : (null, ClientText.Boolean(parameter.Name))
            : (System.Convert.ToString(raw, CultureInfo.InvariantCulture), null);
    }

    private static ClientText RangeMessage(CommandParameter parameter) =>
        ClientText.Range(parameter.Name, parameter.Minimum ?? (parameter.ClrType == typeof(int) ? int.MinValue : null), parameter.Maximum ?? (parameter.ClrType == typeof(int) ? int.MaxValue : null));
}
