using System.Buffers.Binary;
using System.Text;

namespace PowerService.Domain.Evidence;

/// <summary>The names in a zip file's central directory, read from the bytes (nothing is decompressed).</summary>
internal static class ZipEntries
{
    private const uint EndOfDirectory = 0x06054b50;
    private const uint DirectoryEntry = 0x02014b50;
    private const int EndRecordSize = 22;
    private const int MaxEntries = 10_000;

    /// <summary>The entry names, or none when the directory cannot be found or read.</summary>
    public static IReadOnlyList<string> Names(ReadOnlySpan<byte> zip)
    {
        if (FindEndRecord(zip) is not { } end) return [];
        var count = BinaryPrimitives.ReadUInt16LittleEndian(zip[(end + 10)..]);
        var offset = BinaryPrimitives.ReadUInt32LittleEndian(zip[(end + 16)..]);
        var names = new List<string>();
        var position = (long)offset;
        for (var i = 0; i < Math.Min((int)count, MaxEntries); i++)
        {
            if (position + 46 > zip.Length || BinaryPrimitives.ReadUInt32LittleEndian(zip[(int)position..]) != DirectoryEntry) break;
            var entry = zip[(int)position..];
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(entry[32..]);
            if (46 + nameLength > entry.Length) break;
            names.Add(Encoding.UTF8.GetString(entry.Slice(46, nameLength)));
            position += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    /// <summary>The end-of-central-directory record: searched from the end, past a comment of up to 64 KB.</summary>
    private static int? FindEndRecord(ReadOnlySpan<byte> zip)
    {
        var lowest = Math.Max(0, zip.Length - EndRecordSize - ushort.MaxValue);
        for (var i = zip.Length - EndRecordSize; i >= lowest; i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip[i..]) == EndOfDirectory) return i;
        return null;
    }
}
