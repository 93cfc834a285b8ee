using Bot.Discord.Gateway;

namespace Bot.Tests.Discord.Gateway;

/// <summary>Hands out scripted connections and records every connect (Remora's mocked transport, with a fake clock).</summary>
internal sealed class ScriptedGatewayTransport(TimeProvider time) : IGatewayTransport
{
    private readonly Lock _lock = new();
    private readonly List<ScriptedGatewayConnection> _connections = [];

    public int FailNextConnects { get; set; }

    public int ConnectAttempts { get; private set; }

    public IReadOnlyList<ScriptedGatewayConnection> Connections
    {
        get
        {
            lock (_lock)
            {
                return [.. _connections];
            }
        }
    }

    public IGatewayConnection Connect(Uri uri, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            ConnectAttempts++;
            if (FailNextConnects > 0)
            {
                FailNextConnects--;
                throw new IOException("scripted connect failure");
            }

            var connection = new ScriptedGatewayConnection(uri, time);
            _connections.Add(connection);
            return connection;
        }
    }
}
