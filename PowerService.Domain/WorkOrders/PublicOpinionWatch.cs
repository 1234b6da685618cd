using PowerService.Domain.Complaints;
using PowerService.Domain.Text;

namespace PowerService.Domain.WorkOrders;

/// <summary>
/// Why a complaint is a public-opinion risk (舆情, docs/domain.md §11): it came through the media,
/// or what the customer said names media exposure. Empty when it is neither.
/// </summary>
public sealed record PublicOpinionFlag(bool MediaChannel, IReadOnlyList<string> Terms)
{
    public static PublicOpinionFlag None { get; } = new(false, []);

    public bool IsRaised => MediaChannel || Terms.Count > 0;

    /// <summary>The reason as the timeline and the alert say it.</summary>
    public string Reason => string.Join("；", new[]
    {
        MediaChannel ? "媒体渠道投诉" : null,
        Terms.Count > 0 ? $"内容提及“{string.Join("”“", Terms)}”" : null,
    }.Where(p => p is not null));
}

/// <summary>
/// Finds the signs of media exposure in a complaint's words. The terms are the admin's list; matching
/// folds full-width letters and traditional characters, as the wording check does, so "記者" counts as "记者".
/// </summary>
public sealed class PublicOpinionWatch(IEnumerable<string> terms)
{
    /// <summary>The list a utility starts with: the press, the platforms where complaints go public, and the words for going public.</summary>
    public static IReadOnlyList<string> DefaultTerms { get; } =
    [
        "记者", "媒体", "曝光", "电视台", "报社", "新闻", "热搜", "微博", "抖音", "快手", "小红书", "头条", "公众号", "朋友圈",
        "网上发帖", "发帖", "网上曝光", "发到网上", "直播", "视频号", "投诉到媒体", "找媒体",
    ];

    public const int MaxTermLength = 20;

    private readonly IReadOnlyList<(string Term, string Folded)> _terms =
        terms.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Select(t => (t, Normalise(t))).ToList();

    public IReadOnlyList<string> Terms => _terms.Select(t => t.Term).ToList();

    /// <summary>The flag for a complaint from <paramref name="channel"/> saying <paramref name="texts"/>; a longer term hides the shorter one inside it.</summary>
    public PublicOpinionFlag Check(Channel? channel, params string?[] texts)
    {
        var said = Normalise(string.Join("\n", texts.Where(t => t is not null)));
        var found = _terms.Where(t => said.Contains(t.Folded, StringComparison.OrdinalIgnoreCase)).ToList();
        var shown = found.Where(f => !found.Any(o => o.Folded.Length > f.Folded.Length && o.Folded.Contains(f.Folded, StringComparison.Ordinal)))
            .OrderBy(f => said.IndexOf(f.Folded, StringComparison.OrdinalIgnoreCase)) // in the order the customer said them
            .Select(f => f.Term).ToList();
        return new(channel == Channel.Media, shown);
    }

    /// <summary>The message for a term an admin typed, or null when it can be listed.</summary>
    public static string? TermProblem(string? term) => term?.Trim() switch
    {
        null or "" => "请填写词语",
        { Length: > MaxTermLength } => $"词语不超过 {MaxTermLength} 字",
        var t when t.Length < 2 => "词语至少 2 个字，单字会误报过多",
        _ => null,
    };

    private static string Normalise(string text)
    {
        var chars = ChineseText.Fold(text).ToCharArray();
        for (var i = 0; i < chars.Length; i++) chars[i] = ChineseText.Simplified(chars[i]);
        return new string(chars);
    }
}
