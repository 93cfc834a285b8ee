using Bot.Tests.Support;
using SkiaSharp;

namespace Bot.Tests.Pictures;

/// <summary>
/// The reviewed pictures in Bot.Tests/Pictures/Golden. To regenerate them after a deliberate change
/// of the pictures, run the picture tests with <c>UPDATE_GOLDEN_IMAGES=1</c>, look at the new files
/// and commit them; without the variable a missing golden image fails the test.
/// </summary>
internal static class GoldenImages
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "Bot.Tests", "Pictures", "Golden");

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN_IMAGES") == "1";

    /// <summary>The golden image of <paramref name="name"/>; written from <paramref name="png"/> first when updating.</summary>
    public static SKBitmap Load(string name, byte[] png)
    {
        var path = Path.Combine(Folder, name);
        if (Updating)
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllBytes(path, png);
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"no golden image {path}; run the picture tests once with UPDATE_GOLDEN_IMAGES=1 and review it");
        }

        return SKBitmap.Decode(path) ?? throw new InvalidOperationException($"{path} is not an image");
    }

    public static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a decodable image");
}
