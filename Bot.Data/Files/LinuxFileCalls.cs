using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Bot.Data.Files;

/// <summary>
/// The two libc calls .NET does not expose: open(2) with O_NONBLOCK (a FIFO without a writer would block a plain
/// open for ever) and statx(2) for the file type of the open descriptor. Constants are Linux's on x86-64 and arm64;
/// statx's layout is the same on every architecture.
/// </summary>
internal static class LinuxFileCalls
{
    public const int FileTypeMask = 0xF000;
    public const int Fifo = 0x1000;
    public const int CharacterDevice = 0x2000;
    public const int Directory = 0x4000;
    public const int BlockDevice = 0x6000;
    public const int Regular = 0x8000;
    public const int Socket = 0xC000;

    private const int ReadOnlyNonBlockingCloseOnExec = 0x800 | 0x80000;
    private const int EmptyPath = 0x1000;
    private const uint TypeAndSize = 0x1 | 0x200;
    private const int StatxBufferSize = 256;
    private const int ModeOffset = 28;

    /// <summary>The open descriptor, or -1 with the errno in <see cref="Marshal.GetLastPInvokeError"/>.</summary>
    public static int OpenForReading(string path) => Open(CString(path), ReadOnlyNonBlockingCloseOnExec);

    /// <summary>The file type bits (<see cref="FileTypeMask"/>) of an open descriptor, or -1 with the errno set.</summary>
    public static int FileType(int descriptor)
    {
        var buffer = new byte[StatxBufferSize];
        if (Statx(descriptor, [0], EmptyPath, TypeAndSize, buffer) != 0)
        {
            return -1;
        }

        return BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(ModeOffset)) & FileTypeMask;
    }

    /// <summary>The path as C wants it: UTF-8 bytes and a terminating NUL (no string marshalling involved).</summary>
    private static byte[] CString(string path) => System.Text.Encoding.UTF8.GetBytes(path + '\0');

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);
}
