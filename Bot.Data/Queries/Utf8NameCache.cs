using System.Text;

namespace Bot.Data.Queries;

/// <summary>
/// Turns the UTF-8 bytes of a sport name into a string, allocating each distinct name once: a season holds
/// hundreds of thousands of activities but only a few dozen sport names.
/// </summary>
internal sealed class Utf8NameCache
{
    private readonly List<(byte[] Utf8, string Value)> _names = [];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        // A linear scan beats hashing for the handful of names a season has.
        foreach (var (bytes, value) in _names)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return value;
            }
        }

        var name = Encoding.UTF8.GetString(utf8);
        _names.Add((utf8.ToArray(), name));
        return name;
    }
}
