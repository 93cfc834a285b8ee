namespace Bot.Data;

/// <summary>The SQLite file the store uses, as configured (DATABASE_PATH).</summary>
public sealed record DatabaseLocation(string Path)
{
    public string FullPath => System.IO.Path.GetFullPath(Path);
}
