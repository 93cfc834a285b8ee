namespace Bot.Web;

/// <summary>The one place the management surface is closed: endpoints marked <see cref="ManagementOnly"/> answer only allowed callers.</summary>
internal static class ManagementEndpoints
{
    public const string Refusal = "not found\n";

    /// <summary>Marks the endpoint: only loopback clients and MANAGEMENT_TOKEN holders get an answer.</summary>
    public static TBuilder RequireManagementAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(ManagementOnly.Instance);

    /// <summary>Runs after routing (the endpoint is known) and before the endpoint.</summary>
    public static WebApplication UseManagementAccess(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<ManagementAccess>();
        app.Use(next => async context =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ManagementOnly>() is not null && !access.Allows(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync(Refusal, context.RequestAborted);
                return;
            }

            await next(context);
        });
        return app;
    }
}
