using System.Collections.Concurrent;

namespace PowerService.Web.Features.Account;

/// <summary>
/// Slows repeated failed sign-ins down instead of locking accounts. Identity's lockout let anyone
/// lock a colleague out for five minutes with five wrong passwords; here failures are counted per
/// account <em>and</em> address, so a stranger's guesses delay the stranger (doubling, up to
/// <see cref="MaxWait"/>), and per account across all addresses, so guessing from many addresses is
/// slowed too — but that count never delays an address the account has signed in from before, and
/// delays others by at most <see cref="MaxAccountWait"/>, so nobody can keep the owner out.
/// The account is the name as typed, whether or not it exists: the answers never tell the two apart.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FreePerAddress = 3;
    public const int FreePerAccount = 10;
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxAccountWait = TimeSpan.FromMinutes(1);

    /// <summary>Failures older than this are forgotten.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, Streak> _streaks = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _knownAddresses = new();

    /// <summary>How long this account must wait before another attempt from this address is checked; zero when it may try now.</summary>
    public TimeSpan WaitFor(string userName, string address)
    {
        var now = time.GetUtcNow();
        var pair = Wait(PairKey(userName, address), FreePerAddress, now, MaxWait);
        var account = _knownAddresses.ContainsKey(PairKey(userName, address)) ? TimeSpan.Zero : Wait(AccountKey(userName), FreePerAccount, now, MaxAccountWait);
        var wait = pair > account ? pair : account;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void Failed(string userName, string address)
    {
        var now = time.GetUtcNow();
        foreach (var key in new[] { PairKey(userName, address), AccountKey(userName) })
            _streaks.AddOrUpdate(key, _ => new Streak(1, now), (_, s) => now - s.Last > Memory ? new Streak(1, now) : new Streak(s.Failures + 1, now));
        if (_streaks.Count > 10_000) Forget(now);
    }

    /// <summary>A correct password from this address clears its count and makes the address known to the account; the account's count across addresses ages out.</summary>
    public void Succeeded(string userName, string address)
    {
        _streaks.TryRemove(PairKey(userName, address), out _);
        _knownAddresses[PairKey(userName, address)] = time.GetUtcNow();
        if (_knownAddresses.Count > 50_000) _knownAddresses.Clear(); // bounded; forgetting only costs a delay
    }

    /// <summary>Clears an account's counts from every address (an admin's 解除锁定).</summary>
    public void Forget(string userName)
    {
        var account = AccountKey(userName);
        foreach (var key in _streaks.Keys.Where(k => k == account || k.StartsWith(account + "|", StringComparison.Ordinal)))
            _streaks.TryRemove(key, out _);
    }

    private TimeSpan Wait(string key, int free, DateTimeOffset now, TimeSpan max)
    {
        if (!_streaks.TryGetValue(key, out var s) || now - s.Last > Memory || s.Failures < free) return TimeSpan.Zero;
        var seconds = Math.Min(Math.Pow(2, s.Failures - free), max.TotalSeconds);
        return s.Last + TimeSpan.FromSeconds(seconds) - now;
    }

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, s) in _streaks)
            if (now - s.Last > Memory) _streaks.TryRemove(key, out _);
    }

    private static string AccountKey(string userName) => "u:" + userName.Trim().ToUpperInvariant();

    private static string PairKey(string userName, string address) => AccountKey(userName) + "|" + address;

    private sealed record Streak(int Failures, DateTimeOffset Last);
}
