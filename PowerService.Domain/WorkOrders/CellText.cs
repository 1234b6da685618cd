using System.Text;

namespace PowerService.Domain.WorkOrders;

/// <summary>Cell text as exported by platforms typed into in China: full-width digits, letters and spaces made plain.</summary>
public static class CellText
{
    /// <summary>Full-width ASCII (Ａ１－：) and the ideographic space as their plain forms, trimmed; null for an empty cell.</summary>
    public static string Normalise(string text)
    {
        StringBuilder? built = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var plain = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' or '\u00A0' => ' ',
                _ => c,
            };
            if (plain != c)
            {
                built ??= new StringBuilder(text, 0, i, text.Length);
            }
            built?.Append(plain);
        }
        return (built?.ToString() ?? text).Trim();
    }

    public static string? Value(string? cell) => string.IsNullOrWhiteSpace(cell) ? null : cell.Trim();
}
