using System.Security.Cryptography;
using System.Text;

namespace PowerService.Web.Features.Api;

/// <summary>
/// API keys: "psk_" + 8 characters that find the client (stored, shown in lists and logs) + "_" + 43
/// characters of 256 random bits (never stored). Only the SHA-256 of the whole key is kept: a copied
/// database does not hand out keys, and a lost key is replaced, not recovered.
/// </summary>
public static class ApiKeys
{
    public const string Scheme = "psk_";
    private const int PrefixChars = 8;
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789"; // no l, o, 0, 1: read aloud or copied by hand without doubt

    /// <summary>The prefix ("psk_xxxxxxxx") a client is found by.</summary>
    public static int PrefixLength => Scheme.Length + PrefixChars;

    public static (string Key, string Prefix, string Hash) Issue()
    {
        var prefix = Scheme + RandomNumberGenerator.GetString(Alphabet, PrefixChars);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var key = prefix + "_" + secret;
        return (key, prefix, Hash(key));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The prefix of what a caller presented, when it has the shape of a key at all.</summary>
    public static string? PrefixOf(string? presented) =>
        presented is { Length: > 13 } && presented.StartsWith(Scheme, StringComparison.Ordinal) && presented[PrefixLength] == '_'
            ? presented[..PrefixLength]
            : null;

    /// <summary>Whether <paramref name="presented"/> is the key whose hash is <paramref name="storedHash"/>, in constant time.</summary>
    public static bool Matches(string presented, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(presented)), Encoding.ASCII.GetBytes(storedHash));
}
