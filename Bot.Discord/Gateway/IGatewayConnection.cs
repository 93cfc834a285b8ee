using System.Buffers;

namespace Bot.Discord.Gateway;

/// <summary>
/// One gateway WebSocket. One thread may receive while another sends; sends are serialised by the
/// caller. Every call blocks its thread and must complete without thread-pool help.
/// </summary>
internal interface IGatewayConnection : IDisposable
{
    /// <summary>The close code the peer sent, when it closed with one.</summary>
    int? CloseStatus { get; }

    string? CloseDescription { get; }

    /// <summary>Sends one text frame; cancelling <paramref name="cancellationToken"/> tears the connection down.</summary>
    void Send(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken);

    /// <summary>
    /// Appends one whole message to <paramref name="into"/>; false once the connection is closed or broken, or
    /// <paramref name="cancellationToken"/> is cancelled (which tears the connection down).
    /// </summary>
    bool Receive(ArrayBufferWriter<byte> into, CancellationToken cancellationToken);

    /// <summary>Sends a close frame with <paramref name="code"/>; the receive side keeps draining.</summary>
    void Close(int code, string description);

    /// <summary>Tears the connection down at once; a blocked <see cref="Receive"/> returns false.</summary>
    void Abort();
}
