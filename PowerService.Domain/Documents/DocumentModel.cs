namespace PowerService.Domain.Documents;

/// <summary>
/// A document as a short description: title, header and footer text, and blocks. The renderer lays
/// it out on A4 with page numbers "第 N 页 共 M 页"; nothing here knows about drawing. A reissued
/// document carries its <see cref="VersionNote"/> ("第 2 版，重新签发原因：…") under the title.
/// </summary>
public sealed record DocumentSpec(string Title, string Header, IReadOnlyList<DocumentBlock> Blocks, string? DocumentNumber = null)
{
    /// <summary>The version being issued; from 2 on the page header names it.</summary>
    public int Version { get; init; } = 1;

    public string? VersionNote { get; init; }
}

public abstract record DocumentBlock;

public sealed record Heading(string Text) : DocumentBlock;

public sealed record Paragraph(string Text, bool Indent = true) : DocumentBlock;

/// <summary>Label–value rows (e.g. 工单编号 → NEA…); long values wrap inside their cell.</summary>
public sealed record KeyValueTable(IReadOnlyList<KeyValuePair<string, string>> Rows) : DocumentBlock;

/// <summary>A table with a header row that repeats on every page it continues onto.</summary>
public sealed record DataTable(IReadOnlyList<string> Headers, IReadOnlyList<float> ColumnWeights, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

public sealed record BulletList(IReadOnlyList<string> Items) : DocumentBlock;

/// <summary>Issuing unit, date, and a box for the signature and seal.</summary>
public sealed record SignatureBlock(string Unit, string Date, string SealLabel) : DocumentBlock;
