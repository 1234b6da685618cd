namespace PowerService.Domain.Documents;

/// <summary>Everything a document says, as one text: what the wording check reads before it is issued.</summary>
public static class DocumentText
{
    public static string Of(DocumentSpec spec) => string.Join('\n', new[] { spec.Title, spec.Header }.Concat(spec.Blocks.SelectMany(Texts)));

    private static IEnumerable<string> Texts(DocumentBlock block) => block switch
    {
        Heading h => [h.Text],
        Paragraph p => [p.Text],
        KeyValueTable t => t.Rows.SelectMany(r => new[] { r.Key, r.Value }),
        DataTable t => t.Headers.Concat(t.Rows.SelectMany(r => r)),
        BulletList l => l.Items,
        SignatureBlock s => [s.Unit, s.Date],
        _ => [],
    };
}
