namespace Bot.Hosting;

internal static class HostStartLogging
{
    /// <summary>
    /// Puts <see cref="HostStartLogger{T}"/> in place of the generic host's <c>ILogger&lt;Host&gt;</c>. The host type is
    /// internal, so it is found by name; should it ever move, nothing changes but the extra log entry
    /// (<c>WebStartupTests</c> would say so).
    /// </summary>
    public static IServiceCollection AddHostStartLogger(this IServiceCollection services)
    {
        if (typeof(HostApplicationBuilder).Assembly.GetType("Microsoft.Extensions.Hosting.Internal.Host") is { } host)
        {
            services.AddSingleton(typeof(ILogger<>).MakeGenericType(host), typeof(HostStartLogger<>).MakeGenericType(host));
        }

        return services;
    }
}
