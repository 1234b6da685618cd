using System.Buffers.Binary;
using System.Text;

namespace PowerService.Domain.Evidence;

/// <summary>
/// The stream names of an OLE compound file (.doc, .xls, and also .msi or .msg), read from its directory
/// entries. Entries are 128 bytes and sectors are multiples of 128 after the 512-byte header, so every
/// entry starts at a multiple of 128: each such place is read as an entry, and kept when it is a
/// well-formed stream entry (a name of its stated length, type 2).
/// </summary>
internal static class CompoundFile
{
    private const int EntrySize = 128;
    private const int HeaderSize = 512;
    private const byte StreamType = 2;

    public static IReadOnlySet<string> StreamNames(ReadOnlySpan<byte> file)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var at = HeaderSize; at + EntrySize <= file.Length; at += EntrySize)
        {
            var entry = file.Slice(at, EntrySize);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(entry[64..]);
            if (length is < 4 or > 64 || length % 2 != 0 || entry[66] != StreamType) continue;
            if (entry[length - 2] != 0 || entry[length - 1] != 0) continue; // the name ends with its terminating null
            var name = Encoding.Unicode.GetString(entry[..(length - 2)]);
            if (name.All(ch => ch >= ' ')) names.Add(name);
        }
        return names;
    }
}
