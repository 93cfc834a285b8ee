namespace Bot.Scoring;

/// <summary>
/// Interns the (legacy type, sport type) pairs of activities as small integers, so scoring works on
/// numbers and looks each pair up once per season rather than once per activity.
/// Append-only and safe to share between threads.
/// </summary>
public sealed class ActivityKinds
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string? Type, string? SportType), int> _ids = [];
    private (string? Type, string? SportType)[] _kinds = new (string?, string?)[16];
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public (string? Type, string? SportType) this[int kind]
    {
        get
        {
            var kinds = Volatile.Read(ref _kinds);
            return (uint)kind < (uint)Count ? kinds[kind] : throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    public int Intern(string? type, string? sportType)
    {
        lock (_gate)
        {
            if (_ids.TryGetValue((type, sportType), out var id))
            {
                return id;
            }

            id = _count;
            if (id == _kinds.Length)
            {
                var grown = new (string?, string?)[id * 2];
                Array.Copy(_kinds, grown, id);
                Volatile.Write(ref _kinds, grown);
            }

            _kinds[id] = (type, sportType);
            _ids.Add((type, sportType), id);
            Volatile.Write(ref _count, id + 1);
            return id;
        }
    }
}
