using System.Reflection;
using System.Text.RegularExpressions;
using Bot.Discord.Entities;

namespace Bot.Discord.Commands;

/// <summary>
/// The commands found on the module types: what to route an interaction to, and the registration
/// body. A malformed module (bad name, wrong signature) is a bug and fails at start-up.
/// </summary>
internal sealed partial class SlashCommandRegistry
{
    private readonly Dictionary<string, CommandDescriptor> _commands;

    private SlashCommandRegistry(Dictionary<string, CommandDescriptor> commands, IReadOnlyList<ApplicationCommandPayload> definitions)
    {
        _commands = commands;
        Definitions = definitions;
    }

    public IReadOnlyList<ApplicationCommandPayload> Definitions { get; }

    public IReadOnlyCollection<CommandDescriptor> Commands => _commands.Values;

    public CommandDescriptor? Find(string path) => _commands.GetValueOrDefault(path);

    /// <param name="descriptions">The translated descriptions, if the host has any.</param>
    public static SlashCommandRegistry Build(IEnumerable<Type> moduleTypes, ICommandDescriptions? descriptions = null)
    {
        var commands = new Dictionary<string, CommandDescriptor>(StringComparer.Ordinal);
        var definitions = new List<ApplicationCommandPayload>();
        foreach (var type in moduleTypes.Distinct())
        {
            if (!typeof(ApplicationCommandModule).IsAssignableFrom(type) || type.IsAbstract)
            {
                throw new InvalidOperationException($"{type.FullName} is not a concrete ApplicationCommandModule.");
            }

            if (type.DeclaringType?.GetCustomAttribute<SlashCommandGroupAttribute>() is not null)
            {
                continue; // a subcommand group, handled with its parent
            }

            if (type.GetCustomAttribute<SlashCommandGroupAttribute>() is { } group)
            {
                var options = new List<ApplicationCommandOptionPayload>();
                foreach (var (method, attribute) in CommandMethods(type))
                {
                    options.Add(new ApplicationCommandOptionPayload(1, Name(attribute.Name), Description(attribute.Description), Options: OptionsOf(method, type, $"{group.Name} {attribute.Name}", commands)));
                }

                foreach (var nested in type.GetNestedTypes().Where(n => n.GetCustomAttribute<SlashCommandGroupAttribute>() is not null))
                {
                    var subGroup = nested.GetCustomAttribute<SlashCommandGroupAttribute>()!;
                    var subcommands = CommandMethods(nested)
                        .Select(c => new ApplicationCommandOptionPayload(1, Name(c.Attribute.Name), Description(c.Attribute.Description), Options: OptionsOf(c.Method, nested, $"{group.Name} {subGroup.Name} {c.Attribute.Name}", commands)))
                        .ToList();
                    options.Add(new ApplicationCommandOptionPayload(2, Name(subGroup.Name), Description(subGroup.Description), Options: subcommands));
                }

                definitions.Add(TopLevel(group.Name, group.Description, options, type));
            }
            else
            {
                foreach (var (method, attribute) in CommandMethods(type))
                {
                    definitions.Add(TopLevel(attribute.Name, attribute.Description, OptionsOf(method, type, attribute.Name, commands), method));
                }
            }
        }

        var duplicate = definitions.GroupBy(d => d.Name).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? throw new InvalidOperationException($"Command /{duplicate.Key} is defined twice.")
            : new SlashCommandRegistry(commands, descriptions is null ? definitions : CommandLocalization.Apply(definitions, descriptions));
    }

    private static ApplicationCommandPayload TopLevel(string name, string description, List<ApplicationCommandOptionPayload> options, MemberInfo source)
    {
        var permissions = source.GetCustomAttribute<SlashCommandPermissionsAttribute>() ?? source.DeclaringType?.GetCustomAttribute<SlashCommandPermissionsAttribute>();
        var directMessages = source.GetCustomAttribute<AllowDirectMessagesAttribute>() is not null || source.DeclaringType?.GetCustomAttribute<AllowDirectMessagesAttribute>() is not null;
        return new ApplicationCommandPayload(
            Name(name),
            Description(description),
            1,
            options.Count == 0 ? null : options,
            permissions is null ? null : ((ulong)permissions.Permissions).ToString(System.Globalization.CultureInfo.InvariantCulture),
            directMessages ? [0, 1] : [0],
            [0]);
    }

    private static IEnumerable<(MethodInfo Method, SlashCommandAttribute Attribute)> CommandMethods(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<SlashCommandAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => (m.Method, m.Attribute!));

    private static List<ApplicationCommandOptionPayload> OptionsOf(MethodInfo method, Type module, string path, Dictionary<string, CommandDescriptor> commands)
    {
        var parameters = method.GetParameters();
        if (method.ReturnType != typeof(Task) || parameters.Length == 0 || parameters[0].ParameterType != typeof(InteractionContext))
        {
            throw new InvalidOperationException($"{module.Name}.{method.Name} must be 'Task {method.Name}(InteractionContext ctx, …)'.");
        }

        var guards = parameters.Skip(1).TakeWhile(p => p.GetCustomAttribute<InteractionGuardAttribute>() is not null).Select(p => Guard(p, module, method)).ToList();
        var bound = parameters.Skip(1 + guards.Count).Select(p => Parameter(p, module, method)).ToList();
        if (bound.Count > 25)
        {
            throw new InvalidOperationException($"/{path} has more than 25 options.");
        }

        commands.Add(path, new CommandDescriptor(path, module, method, bound, DeferOf(method, module), ChecksOf(method, module), guards));
        return [.. bound.Select(p => new ApplicationCommandOptionPayload(
            p.OptionType,
            p.Name,
            p.Description,
            p.Required ? true : null,
            Limit(p.Minimum, p.OptionType),
            Limit(p.Maximum, p.OptionType),
            Choices: p.Choices?.Select(c => new ApplicationCommandChoicePayload(c, c)).ToList(),
            ChannelTypes: p.OptionType == 7 ? TextChannelTypes : null))];
    }

    private static InteractionGuardAttribute Guard(ParameterInfo parameter, Type module, MethodInfo method)
    {
        var guard = parameter.GetCustomAttribute<InteractionGuardAttribute>()!;
        return parameter.ParameterType.IsAssignableFrom(guard.ValueType)
            ? guard
            : throw new InvalidOperationException($"{module.Name}.{method.Name}: parameter '{parameter.Name}' cannot take the {guard.ValueType.Name} of [{guard.GetType().Name}].");
    }

    /// <summary>The checks of the outermost module first, then of the nested groups, then of the command itself.</summary>
    private static List<InteractionCheckAttribute> ChecksOf(MethodInfo method, Type module)
    {
        var owners = new List<MemberInfo> { method };
        for (Type? type = module; type is not null; type = type.DeclaringType)
        {
            owners.Insert(0, type);
        }

        return [.. owners.SelectMany(o => o.GetCustomAttributes<InteractionCheckAttribute>(inherit: false))];
    }

    private static CommandParameter Parameter(ParameterInfo parameter, Type module, MethodInfo method)
    {
        var option = parameter.GetCustomAttribute<OptionAttribute>()
            ?? throw new InvalidOperationException(parameter.GetCustomAttribute<InteractionGuardAttribute>() is not null
                ? $"{module.Name}.{method.Name}: guarded parameter '{parameter.Name}' must come before the options."
                : $"{module.Name}.{method.Name}: parameter '{parameter.Name}' needs [Option].");
        var clr = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var type = clr == typeof(long) || clr == typeof(int) ? 4
            : clr == typeof(double) ? 10
            : clr == typeof(string) || clr.IsEnum ? 3
            : clr == typeof(bool) ? 5
            : clr == typeof(DiscordChannel) ? 7
            : throw new InvalidOperationException($"{module.Name}.{method.Name}: option type {clr.Name} is not supported.");
        var min = parameter.GetCustomAttribute<MinimumAttribute>()?.Value;
        var max = parameter.GetCustomAttribute<MaximumAttribute>()?.Value;
        if ((min is not null || max is not null) && type is not (4 or 10))
        {
            throw new InvalidOperationException($"{module.Name}.{method.Name}: [Minimum]/[Maximum] need a numeric option.");
        }

        // An enum is a string option whose choices are its names; the C# default of an enum parameter arrives as its number.
        var choices = clr.IsEnum ? Enum.GetNames(clr) : null;
        var defaultValue = !parameter.HasDefaultValue ? null
            : clr.IsEnum && parameter.DefaultValue is not null ? Enum.ToObject(clr, parameter.DefaultValue)
            : parameter.DefaultValue;
        return new CommandParameter(Name(option.Name), Description(option.Description), type, clr, !parameter.HasDefaultValue, defaultValue, min, max, choices);
    }

    // A channel option offers the channels a message can be posted in: text (0) and announcement (5).
    private static readonly int[] TextChannelTypes = [0, 5];

    private static object? Limit(double? value, int optionType) => value switch
    {
        null => null,
        { } v when optionType == 4 => (long)v,
        { } v => v,
    };

    private static DeferMode DeferOf(MethodInfo method, Type module)
    {
        for (MemberInfo? member = method; member is not null; member = member is MethodInfo ? module : ((Type)member).DeclaringType)
        {
            if (member.GetCustomAttribute<EphemeralAttribute>() is not null)
            {
                return DeferMode.Ephemeral;
            }

            if (member.GetCustomAttribute<LongRunningAttribute>() is not null)
            {
                return DeferMode.Public;
            }
        }

        return DeferMode.None;
    }

    private static string Name(string name) =>
        NamePattern().IsMatch(name) && string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal)
            ? name
            : throw new InvalidOperationException($"'{name}' is not a valid command or option name (1–32 lowercase letters, digits, - _ ').");

    private static string Description(string description) =>
        description.Length is >= 1 and <= 100
            ? description
            : throw new InvalidOperationException($"Description '{description}' must be 1–100 characters.");

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();

}
