namespace Bot.Discord.Commands;

/// <summary>
/// Fills a handler parameter that is not an option (it comes before the options), e.g. the server's season or the
/// invoker's place in it: the value, or a refusal answered privately, as for <see cref="InteractionCheckAttribute"/>,
/// after which the handler does not run. Guards run in parameter order, after every check.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public abstract class InteractionGuardAttribute : Attribute
{
    private protected InteractionGuardAttribute()
    {
    }

    /// <summary>What the guard gives: the parameter's type must accept it (checked at start-up).</summary>
    internal abstract Type ValueType { get; }

    internal abstract Task<(object? Value, string? Refusal)> ResolveUntypedAsync(InteractionContext ctx, IReadOnlyDictionary<string, object?> options);
}

/// <inheritdoc cref="InteractionGuardAttribute"/>
/// <typeparam name="T">What the guard gives the handler.</typeparam>
public abstract class InteractionGuardAttribute<T> : InteractionGuardAttribute
    where T : notnull
{
    internal sealed override Type ValueType => typeof(T);

    /// <summary>The value for the parameter, or (default, the line that answers the invoker instead).</summary>
    /// <param name="options">The command's options as bound (defaults filled in), by option name.</param>
    public abstract Task<(T? Value, string? Refusal)> ResolveAsync(InteractionContext ctx, IReadOnlyDictionary<string, object?> options);

    internal sealed override async Task<(object? Value, string? Refusal)> ResolveUntypedAsync(InteractionContext ctx, IReadOnlyDictionary<string, object?> options)
    {
        var (value, refusal) = await ResolveAsync(ctx, options).ConfigureAwait(false);
        return (value, refusal);
    }
}
