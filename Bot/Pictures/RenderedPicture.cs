namespace Bot.Pictures;

/// <summary>A PNG and its size in pixels.</summary>
public sealed record RenderedPicture(byte[] Png, int Width, int Height);
