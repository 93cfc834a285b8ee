using Bot.Data.Repositories;

namespace Bot.Configuration;

/// <summary>
/// A secret taken from the settings when set, else generated on first use and kept in the database (so it survives a
/// restart); loaded once per process. Two first callers at once get the same value.
/// </summary>
public abstract class KeptSecret<T>(AppSettingRepository settings, string settingKey)
    where T : class
{
    private T? _value;

    public async Task<T> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _value) is { } known)
        {
            return known;
        }

        var loaded = Configured ?? FromStored(await settings.GetOrAddAsync(settingKey, Generate, cancellationToken));
        return Interlocked.CompareExchange(ref _value, loaded, null) ?? loaded;
    }

    /// <summary>The value from the settings, or null to use the kept one.</summary>
    protected abstract T? Configured { get; }

    /// <summary>A fresh random value, as stored.</summary>
    protected abstract string Generate();

    protected abstract T FromStored(string stored);
}
