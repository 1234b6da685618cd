using PowerService.Domain.Staff;

namespace PowerService.Domain.Documents;

/// <summary>The documents a complaint produces.</summary>
public enum DocumentKind { Reply12398, InvestigationReport, CustomerAnswer, CaseFile }

/// <summary>
/// An issued (frozen) document: its version, the SHA-256 of its exact bytes, who signed it off and when,
/// why it was reissued (version 2 on), and the SHA-256 of its content without version and issue time,
/// which tells an unchanged reissue apart (null on issues recorded before it was kept).
/// </summary>
public sealed record DocumentIssue(DocumentKind Kind, int Version, string Sha256, DateTimeOffset At, Actor By, string? Reason = null, string? ContentSha256 = null);

/// <summary>Something a document needs that the complaint does not have yet, and where it is filled in.</summary>
public sealed record MissingItem(string What, string Where);

/// <summary>Who issues the documents and to whom the regulator's reply is addressed (configured per company).</summary>
public sealed record DocumentSettings(string IssuingUnit, string RegulatorOffice);
