namespace PowerService.Tests.Features.Reports.Export;

/// <summary>
/// An output like an HTTP response body: it cannot seek and, unless told otherwise, refuses
/// synchronous writes as Kestrel does. It keeps what was written and records how much arrived
/// and the largest single write, so a test can see whether the writer streams or buffers.
/// </summary>
public sealed class RecordingStream(bool allowSynchronousWrites = false) : Stream
{
    private readonly MemoryStream _content = new();

    public long Written => _content.Length;
    public int LargestWrite { get; private set; }
    public int Writes { get; private set; }

    public byte[] ToArray() => _content.ToArray();

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (!allowSynchronousWrites) throw new InvalidOperationException("Synchronous operations are disallowed.");
        Record(buffer.AsSpan(offset, count));
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        Record(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override void Flush()
    {
        if (!allowSynchronousWrites) throw new InvalidOperationException("Synchronous operations are disallowed.");
    }

    public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

    private void Record(ReadOnlySpan<byte> bytes)
    {
        _content.Write(bytes);
        LargestWrite = Math.Max(LargestWrite, bytes.Length);
        Writes++;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
