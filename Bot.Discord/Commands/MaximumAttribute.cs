namespace Bot.Discord.Commands;

/// <summary><c>max_value</c> of an INTEGER or NUMBER option; also checked before the handler runs.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class MaximumAttribute : Attribute
{
    public MaximumAttribute(long value) => Value = value;

    public MaximumAttribute(double value) => Value = value;

    public double Value { get; }
}
