namespace Bot.Discord.Commands;

/// <summary><c>min_value</c> of an INTEGER or NUMBER option; also checked before the handler runs.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class MinimumAttribute : Attribute
{
    public MinimumAttribute(long value) => Value = value;

    public MinimumAttribute(double value) => Value = value;

    public double Value { get; }
}
