using PowerService.Domain.Complaints;

namespace PowerService.Domain.Reports;

/// <summary>The 12398 hotline's statistical categories (docs/domain.md §10): 投诉, 举报, 咨询, 其他 (表扬、求助、建议).</summary>
public enum RegulatorCategory { Complaint, Report, Enquiry, Other }

public static class RegulatorCategories
{
    /// <summary>
    /// Where an item received through 12398 is counted: a complaint found to be something else is
    /// counted as what it turned out to be; one merged into another is not counted again (the one it
    /// joined is); everything else, withdrawn included, is a complaint. Null: not counted.
    /// </summary>
    public static RegulatorCategory? Of(Stage stage, ReclassifiedAs? reclassifiedAs) => stage switch
    {
        Stage.Merged => null,
        Stage.Reclassified => reclassifiedAs switch
        {
            ReclassifiedAs.Report => RegulatorCategory.Report,
            ReclassifiedAs.Enquiry => RegulatorCategory.Enquiry,
            _ => RegulatorCategory.Other,
        },
        _ => RegulatorCategory.Complaint,
    };
}
