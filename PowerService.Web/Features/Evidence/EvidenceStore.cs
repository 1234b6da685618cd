using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PowerService.Domain.Evidence;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Evidence;

/// <summary>
/// Where attachments' bytes live. Writing has two moments: <see cref="PrepareAsync"/> before the
/// complaint is saved (a file written outside the database must exist before the record names it) and
/// <see cref="AddToSave"/> inside that save (rows that must commit with it). Reading returns the bytes
/// as stored, or null when they are gone; the caller checks them against the recorded SHA-256.
/// </summary>
public interface IEvidenceStore
{
    EvidenceStoreKind Kind { get; }

    Task PrepareAsync(string sha256, byte[] content, CancellationToken ct);

    void AddToSave(AppDbContext db, EvidenceItem item, byte[] content);

    Task<byte[]?> ReadAsync(AppDbContext db, long itemId, string sha256, CancellationToken ct);
}

/// <summary>Bytes in the <c>EvidenceContents</c> table, one row per attachment, committed with the attachment and its timeline entry.</summary>
public sealed class DatabaseEvidenceStore : IEvidenceStore
{
    public EvidenceStoreKind Kind => EvidenceStoreKind.Database;

    public Task PrepareAsync(string sha256, byte[] content, CancellationToken ct) => Task.CompletedTask;

    public void AddToSave(AppDbContext db, EvidenceItem item, byte[] content) =>
        db.EvidenceContents.Add(new EvidenceContent { Item = item, Content = content });

    public async Task<byte[]?> ReadAsync(AppDbContext db, long itemId, string sha256, CancellationToken ct) =>
        await db.EvidenceContents.AsNoTracking().Where(c => c.EvidenceItemId == itemId).Select(c => c.Content).SingleOrDefaultAsync(ct);
}

/// <summary>
/// Bytes as files under <c>Evidence:Directory</c>, named by their SHA-256 (<c>ab/abcdef…</c>), so the
/// same file attached twice is stored once and a name never comes from a user. Written to a temporary
/// file in the same folder, flushed to disk, then renamed into place: a reader sees the whole file or none.
/// </summary>
public sealed class DirectoryEvidenceStore(IOptions<EvidenceOptions> options, ILogger<DirectoryEvidenceStore> log) : IEvidenceStore
{
    public EvidenceStoreKind Kind => EvidenceStoreKind.Directory;

    private string Root => Path.GetFullPath(options.Value.Directory ?? throw new InvalidOperationException("Evidence:Directory is not set."));

    /// <summary>The file holding the bytes of this hash (the hash is checked to be hex first: it becomes a path).</summary>
    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower)) throw new ArgumentException("Not a SHA-256 in lower-case hex.", nameof(sha256));
        return Path.Combine(Root, sha256[..2], sha256);
    }

    public async Task PrepareAsync(string sha256, byte[] content, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            if (EvidenceHash.Of(await File.ReadAllBytesAsync(path, ct)) == sha256) return; // already stored, whole
            // Kept aside, not overwritten: the damaged copy is itself evidence of what happened.
            var aside = $"{path}.mismatch-{DateTime.UtcNow:yyyyMMddHHmmssfff}";
            File.Move(path, aside);
            log.LogWarning("Evidence file {Path} did not match its name's SHA-256; moved to {Aside} and written again", path, aside);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await file.WriteAsync(content, ct);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true); // another upload of the same bytes may have won: same content either way
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public void AddToSave(AppDbContext db, EvidenceItem item, byte[] content) { }

    public async Task<byte[]?> ReadAsync(AppDbContext db, long itemId, string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct) : null;
    }
}

/// <summary>The configured store for new attachments, and the store each existing attachment names.</summary>
public sealed class EvidenceStores(DatabaseEvidenceStore database, DirectoryEvidenceStore directory, IOptions<EvidenceOptions> options)
{
    public IEvidenceStore ForNew => For(options.Value.Store);

    public IEvidenceStore For(EvidenceStoreKind kind) => kind == EvidenceStoreKind.Directory ? directory : database;
}

public static class EvidenceHash
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
}
