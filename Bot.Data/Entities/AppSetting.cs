namespace Bot.Data.Entities;

/// <summary>A value the application generates and keeps, such as its signing key.</summary>
public sealed class AppSetting
{
    public required string Key { get; set; }

    public required string Value { get; set; }
}
