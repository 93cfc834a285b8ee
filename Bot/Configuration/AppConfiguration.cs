using Bot.Data.Files;

namespace Bot.Configuration;

/// <summary>
/// Settings from appsettings.json, an optional .env file in the working directory, and the
/// environment (which wins over .env). Keys are the environment variable names.
/// </summary>
public static class AppConfiguration
{
    /// <summary>A .env file holds a few dozen settings.</summary>
    public const long MaxDotEnvBytes = 1 * RegularFile.MiB;

    public static void LoadDotEnv(string directory)
    {
        var path = Path.Combine(directory, ".env");
        if (!Path.Exists(path))
        {
            return;
        }

        string contents;
        try
        {
            contents = System.Text.Encoding.UTF8.GetString(RegularFile.ReadAll(path, MaxDotEnvBytes));
        }
        catch (InputFileException exception)
        {
            throw new ConfigurationException($"{path}: cannot read the settings file ({exception.Message})");
        }

        // NoClobber: a variable set in the environment beats the file.
        DotNetEnv.Env.LoadContents(contents, DotNetEnv.Env.NoClobber());
    }

    public static IConfigurationRoot Build(string directory)
    {
        LoadDotEnv(directory);
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile(Path.Combine(directory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
    }

    public static T Bind<T>(IConfiguration configuration)
        where T : new()
    {
        var options = new T();
        try
        {
            configuration.Bind(options);
        }
        catch (InvalidOperationException exception)
        {
            throw new ConfigurationException(SettingFormError.Describe(exception, configuration));
        }

        return options;
    }
}
