using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Api;

/// <summary>An active API client as a call sees it.</summary>
public sealed record ApiClient(int Id, string Name, string KeyPrefix, string KeyHash, IReadOnlySet<string> Scopes,
    IReadOnlyList<Channel> Channels, string Department, int RequestsPerMinute)
{
    public static ApiClient From(ApiClientRecord r) =>
        new(r.Id, r.Name, r.KeyPrefix, r.KeyHash, r.Scopes.ToHashSet(), r.Channels, r.Department, r.RequestsPerMinute);
}

/// <summary>
/// The active clients, held in memory so that a call costs no query to authenticate. This instance
/// reloads at once when its admin page changes a client; other instances (PostgreSQL scale-out)
/// reload at most <see cref="MaxAge"/> later, so a revoked key stops working everywhere within it.
/// </summary>
public sealed class ApiClientDirectory(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<string, ApiClient> ByPrefix, IReadOnlyDictionary<int, ApiClient> ById, DateTimeOffset LoadedAt);

    /// <summary>The client whose key this is, or null (unknown, wrong or revoked key).</summary>
    public async Task<ApiClient?> FindAsync(string presentedKey, CancellationToken ct = default)
    {
        if (ApiKeys.PrefixOf(presentedKey) is not { } prefix) return null;
        var snapshot = await CurrentAsync(ct);
        return snapshot.ByPrefix.TryGetValue(prefix, out var client) && ApiKeys.Matches(presentedKey, client.KeyHash) ? client : null;
    }

    /// <summary>An active client by id (the one a call authenticated as), or null once it is revoked.</summary>
    public async Task<ApiClient?> FindAsync(int id, CancellationToken ct = default) =>
        (await CurrentAsync(ct)).ById.GetValueOrDefault(id);

    /// <summary>Called after an admin's change: the next call reads the clients again.</summary>
    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> CurrentAsync(CancellationToken ct)
    {
        if (_snapshot is { } fresh && time.GetUtcNow() - fresh.LoadedAt < MaxAge && fresh.LoadedAt <= time.GetUtcNow()) return fresh;
        await _reload.WaitAsync(ct);
        try
        {
            if (_snapshot is { } again && time.GetUtcNow() - again.LoadedAt < MaxAge && again.LoadedAt <= time.GetUtcNow()) return again;
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var clients = await db.ApiClients.AsNoTracking().Where(c => c.RevokedAt == null).ToListAsync(ct);
            var active = clients.Select(ApiClient.From).ToList();
            var loaded = new Snapshot(active.ToDictionary(c => c.KeyPrefix), active.ToDictionary(c => c.Id), time.GetUtcNow());
            _snapshot = loaded;
            return loaded;
        }
        finally { _reload.Release(); }
    }
}
