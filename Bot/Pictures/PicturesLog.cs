namespace Bot.Pictures;

/// <summary>Log lines of the pictures (6xxx).</summary>
internal static partial class PicturesLog
{
    [LoggerMessage(6000, LogLevel.Warning, "No font file found for pictures (looked for {Looked}); pictures are drawn without text. On Debian: apt-get install fonts-dejavu-core")]
    public static partial void NoFont(ILogger logger, string looked);

    [LoggerMessage(6001, LogLevel.Information, "Pictures use the font {Font}")]
    public static partial void FontLoaded(ILogger logger, string font);

    [LoggerMessage(6002, LogLevel.Debug, "Rendered {Picture} picture: {Width}x{Height}, {Bytes} bytes in {Milliseconds:0.0} ms")]
    public static partial void Rendered(ILogger logger, string picture, int width, int height, int bytes, double milliseconds);
}
