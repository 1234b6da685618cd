namespace PowerService.Domain.Privacy;

/// <summary>What someone did that the personal-information access log records.</summary>
public enum PiiAccessKind
{
    /// <summary>Opened a customer card in full (查看完整信息).</summary>
    CustomerCard,

    /// <summary>Called the customer from the card (the card opens in full, the phone is dialled).</summary>
    CustomerCall,

    /// <summary>Previewed a document, which carries the customer's full details.</summary>
    DocumentPreview,

    /// <summary>Downloaded an issued document.</summary>
    DocumentDownload,

    /// <summary>A masked role looked a customer up by an exact phone number or 户号.</summary>
    ContactSearch,

    /// <summary>Viewed an evidence image in the page (thumbnail or preview).</summary>
    EvidenceView,

    /// <summary>Downloaded an evidence file (photos, recordings and documents carry the customer's data).</summary>
    EvidenceDownload,

    /// <summary>Exported report detail rows with customers' contact details in full.</summary>
    ReportExport,
}
