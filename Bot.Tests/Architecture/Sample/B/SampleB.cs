using Bot.Tests.Architecture.Sample.A;

namespace Bot.Tests.Architecture.Sample.B;

/// <summary>The other half of the deliberate folder cycle.</summary>
internal sealed class SampleB
{
    public SampleA? Other { get; set; }
}
