namespace PowerService.Web.Features.Reports.Export;

/// <summary>
/// A small write-only buffer between the synchronous writers (ZipArchive, XmlWriter) and the
/// caller's stream, drained every <see cref="DrainAt"/> bytes. It exists for two reasons: an
/// ASP.NET Core response body refuses synchronous writes, so every write that reaches the caller's
/// stream must be asynchronous; and memory must stay bounded, so bytes leave as rows are written,
/// never at the end. It does not seek, so ZipArchive writes each entry's sizes after its data
/// (data descriptors) instead of going back for them.
/// </summary>
internal sealed class SpoolStream(Stream target) : Stream
{
    public const int DrainAt = 64 * 1024;

    private byte[] _buffer = new byte[DrainAt * 2];
    private int _length;
    private long _written;
    private bool _abandoned;

    public bool Full => _length >= DrainAt;

    /// <summary>Moves the buffered bytes to the caller's stream.</summary>
    public async ValueTask DrainAsync(CancellationToken ct)
    {
        if (_length == 0 || _abandoned) return;
        await target.WriteAsync(_buffer.AsMemory(0, _length), ct);
        _length = 0;
    }

    public void Drain()
    {
        if (_length == 0 || _abandoned) return;
        target.Write(_buffer, 0, _length);
        _length = 0;
    }

    /// <summary>
    /// After a failure nothing more reaches the caller's stream: the bytes already sent stay an
    /// unfinished zip (no central directory) that no reader takes for a complete workbook.
    /// </summary>
    public void Abandon()
    {
        _abandoned = true;
        _length = 0;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _written += buffer.Length;
        if (_abandoned) return;
        if (_length + buffer.Length > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + buffer.Length));
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
