namespace Bot.Texts;

/// <summary>The languages the bot speaks. English is the default for every locale that is not German.</summary>
public enum Language
{
    English,
    German,
}
