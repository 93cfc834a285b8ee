namespace Bot.Discord.Gateway;

/// <summary>
/// Opens gateway connections. The seam tests replace with a scripted transport. Calls block the
/// calling (dedicated) thread on purpose: an open connection must not need the thread pool to make
/// progress, so heartbeats and ACKs survive a saturated pool.
/// </summary>
internal interface IGatewayTransport
{
    IGatewayConnection Connect(Uri uri, CancellationToken cancellationToken = default);
}
