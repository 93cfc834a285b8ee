namespace Bot.Web;

/// <summary>
/// Endpoint metadata: the endpoint answers only what <see cref="ManagementAccess"/> allows; anyone else gets a
/// one-line 404, as for a path that does not exist, so the surface is not even confirmed to be there.
/// </summary>
internal sealed class ManagementOnly
{
    public static readonly ManagementOnly Instance = new();

    private ManagementOnly()
    {
    }
}
