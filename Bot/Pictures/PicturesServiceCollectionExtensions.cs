namespace Bot.Pictures;

/// <summary>The fonts (found once, at first use) and the picture service.</summary>
internal static class PicturesServiceCollectionExtensions
{
    public static IServiceCollection AddPictures(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var logger = provider.GetRequiredService<ILogger<PictureService>>();
            var fonts = PictureFonts.Load(logger);
            if (fonts.Source is { } source)
            {
                PicturesLog.FontLoaded(logger, source);
            }

            return fonts;
        });
        services.AddSingleton<PictureService>();
        return services;
    }
}
