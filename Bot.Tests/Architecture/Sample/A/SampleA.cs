using Bot.Tests.Architecture.Sample.B;

namespace Bot.Tests.Architecture.Sample.A;

/// <summary>Half of a deliberate folder cycle: the architecture checker must report it.</summary>
internal sealed class SampleA
{
    public SampleB? Other { get; set; }
}
