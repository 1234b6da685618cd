using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PowerService.Domain.Complaints;

namespace PowerService.Domain.Sampling;

/// <summary>A closed complaint that may be sampled: what the draw needs to know of it.</summary>
public sealed record SamplingCandidate(int ComplaintId, string Number, string Department, Channel Channel, int ReopenCount, bool Escalated);

/// <summary>A complaint the draw took, and why it is a key case (None when it was drawn at random).</summary>
public sealed record SampledCase(SamplingCandidate Case, KeyReason Key);

/// <summary>
/// How many complaints each level samples, and which. The draw is a pure function of the period, the
/// level, the unit (department, or the company) and the population:
/// <list type="bullet">
/// <item>Each complaint is ranked by a SHA-256 of the seed (level, period, unit) and its number, and the
/// lowest ranks are taken. Drawing again — the job after a restart, a second app instance, a manager by
/// hand, an auditor checking the sample — gives the same complaints, so nobody can redraw until the sample
/// suits them, and the unique key of a batch (level, period, unit) makes a second draw a no-op rather than
/// a second, different sample. The rank of a complaint does not depend on which others are in the
/// population or their order, so a late correction to the population moves the sample as little as possible.</item>
/// <item>The size is the level's share of the population rounded <b>up</b> (10 % of 11 is 2: the sample is
/// never below the share), and at least one complaint whenever there is one.</item>
/// <item>The department's monthly sample always takes the key cases (12398 / 12345 / media, re-opened,
/// escalated), then its share of the rest at random.</item>
/// </list>
/// </summary>
public static class SampleDraw
{
    /// <summary>班组长: 10 % of the week's closed complaints.</summary>
    public const int TeamPercent = 10;

    /// <summary>部门: every key case, and 5 % of the other complaints closed in the month.</summary>
    public const int DepartmentRandomPercent = 5;

    /// <summary>第三方: 5 % of the company's complaints closed in the quarter.</summary>
    public const int ThirdPartyPercent = 5;

    public static int PercentOf(SamplingLevel level) => level switch
    {
        SamplingLevel.TeamWeekly => TeamPercent,
        SamplingLevel.DepartmentMonthly => DepartmentRandomPercent,
        _ => ThirdPartyPercent,
    };

    /// <summary><paramref name="percent"/> % of <paramref name="population"/>, rounded up; at least one of a population that is not empty.</summary>
    public static int Size(int population, int percent) => population <= 0 ? 0 : Math.Max(1, (population * percent + 99) / 100);

    /// <summary>Why a complaint is a key case of the department's monthly sample.</summary>
    public static KeyReason KeyOf(SamplingCandidate c) =>
        (c.Channel is Channel.Regulator12398 or Channel.Government12345 or Channel.Media ? KeyReason.WatchedChannel : KeyReason.None)
        | (c.ReopenCount > 0 ? KeyReason.Reopened : KeyReason.None)
        | (c.Escalated ? KeyReason.Escalated : KeyReason.None);

    /// <summary>The seed of a draw: the level, the period and the unit ("" for the company).</summary>
    public static string Seed(SamplingPeriod period, string unit) => $"{period.Level}|{period.Slug}|{unit}";

    /// <summary>A complaint's place in a draw: the first 8 bytes of SHA-256(seed | number). Stable across runs, machines and .NET versions.</summary>
    public static ulong Rank(string seed, string number) =>
        BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "|" + number)));

    /// <summary>The sample of <paramref name="population"/> for a level's period and unit: key cases first (monthly only), then by rank.</summary>
    public static IReadOnlyList<SampledCase> Draw(SamplingPeriod period, string unit, IEnumerable<SamplingCandidate> population)
    {
        var seed = Seed(period, unit);
        var distinct = population.DistinctBy(c => c.ComplaintId).ToList();
        var key = period.Level == SamplingLevel.DepartmentMonthly
            ? distinct.Where(c => KeyOf(c) != KeyReason.None).OrderBy(c => c.Number, StringComparer.Ordinal).Select(c => new SampledCase(c, KeyOf(c))).ToList()
            : [];
        var keyIds = key.Select(k => k.Case.ComplaintId).ToHashSet();
        var rest = distinct.Where(c => !keyIds.Contains(c.ComplaintId)).ToList();
        var random = rest.OrderBy(c => Rank(seed, c.Number)).ThenBy(c => c.Number, StringComparer.Ordinal)
            .Take(Size(rest.Count, PercentOf(period.Level)))
            .Select(c => new SampledCase(c, KeyReason.None));
        return [.. key, .. random];
    }
}
