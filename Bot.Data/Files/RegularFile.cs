using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Bot.Data.Files;

/// <summary>
/// Reads an input file the user named (a case file, the old bot's JSON, .env) whole, and only when it is a regular
/// file within a size limit, checked before anything is read. On Linux the file is opened non-blocking and its type
/// read from the open descriptor, so a FIFO, a device or a directory is refused at once: a plain open of a FIFO waits
/// for a writer for ever, and /dev/zero never ends.
/// </summary>
public static class RegularFile
{
    public const long MiB = 1024 * 1024;

    /// <exception cref="InputFileException">Missing, unreadable, not a regular file, or over <paramref name="maxBytes"/>.</exception>
    public static byte[] ReadAll(string path, long maxBytes)
    {
        using var handle = OpenForReading(path);
        var length = RandomAccess.GetLength(handle);
        if (length > maxBytes)
        {
            throw new InputFileException(string.Create(CultureInfo.InvariantCulture, $"{length:N0} bytes, over the limit of {Size(maxBytes)}"));
        }

        var buffer = new byte[length];
        var read = 0;
        while (read < length && RandomAccess.Read(handle, buffer.AsSpan(read), read) is var count and > 0)
        {
            read += count;
        }

        return read == length ? buffer : buffer[..read];
    }

    /// <summary>Opens a regular file for reading, without blocking on whatever else the path may name.</summary>
    /// <exception cref="InputFileException">Missing, unreadable or not a regular file.</exception>
    public static SafeFileHandle OpenForReading(string path)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new InputFileException("not a valid path");
        }

        return OperatingSystem.IsLinux() ? OpenOnLinux(path) : OpenElsewhere(path);
    }

    /// <summary>A limit as <c>--help</c> and the messages state it: "16 MiB".</summary>
    public static string Size(long bytes) =>
        bytes % MiB == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / MiB} MiB") : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");

    private static SafeFileHandle OpenOnLinux(string path)
    {
        var descriptor = LinuxFileCalls.OpenForReading(path);
        if (descriptor < 0)
        {
            throw new InputFileException(Describe(Marshal.GetLastPInvokeError()));
        }

        var handle = new SafeFileHandle(descriptor, ownsHandle: true);
        var type = LinuxFileCalls.FileType(descriptor);
        var problem = type switch
        {
            LinuxFileCalls.Regular => null,
            -1 => Describe(Marshal.GetLastPInvokeError()),
            LinuxFileCalls.Directory => "a directory, not a file",
            LinuxFileCalls.Fifo => "a named pipe (FIFO), not a regular file",
            LinuxFileCalls.CharacterDevice => "a character device, not a regular file",
            LinuxFileCalls.BlockDevice => "a block device, not a regular file",
            LinuxFileCalls.Socket => "a socket, not a regular file",
            _ => "not a regular file",
        };
        if (problem is not null)
        {
            handle.Dispose();
            throw new InputFileException(problem);
        }

        return handle;
    }

    /// <summary>Without Linux's calls: a directory is still refused; devices and FIFOs are the platform's business.</summary>
    private static SafeFileHandle OpenElsewhere(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InputFileException("a directory, not a file");
        }

        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputFileException("no such file");
        }
        catch (UnauthorizedAccessException)
        {
            throw new InputFileException("permission denied");
        }
        catch (IOException exception)
        {
            throw new InputFileException(exception.Message);
        }
    }

    private static string Describe(int errno) => errno switch
    {
        2 or 20 => "no such file",
        1 or 13 => "permission denied",
        _ => Marshal.GetPInvokeErrorMessage(errno),
    };
}
