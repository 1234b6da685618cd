namespace PowerService.Domain.Wording;

/// <summary>
/// A phrase staff must not use with customers (服务忌语), the wording to use instead, and the situation
/// it belongs to. <see cref="Blocks"/>: a customer letter or 12398 reply containing it is not issued
/// without a manager's reason; the rest (不知道, 不可能: words a narrative can need) are marked only.
/// </summary>
public sealed record ForbiddenPhrase(string Phrase, string Better, string Situation, bool Blocks = true)
{
    public static class Limits
    {
        public const int Phrase = 20;
        public const int Better = 200;
        public const int Situation = 40;
    }
}

/// <summary>A forbidden phrase found in a text, located in the text as typed (so a page can mark it).</summary>
public sealed record WordingHit(ForbiddenPhrase Phrase, int Start, int Length);
