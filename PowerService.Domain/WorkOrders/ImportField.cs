namespace PowerService.Domain.WorkOrders;

/// <summary>
/// What a column of an imported work-order file can be: one field of <see cref="Complaints.ComplaintIntake"/>.
/// The members carry the intake's property names, so an intake rule's field names its column.
/// </summary>
public enum ImportField
{
    UpstreamReference, ReceivedAt, Channel, CustomerName, Phone, AccountNumber, Address, CustomerType,
    Category, SubCategory, Urgency, Content, Demands, ExpectedOutcome, Profile, SpecialGroupNote,
}

public static class ImportFields
{
    /// <summary>Fields that only a column can give: every row has its own.</summary>
    public static IReadOnlyList<ImportField> NeedColumn { get; } =
        [ImportField.UpstreamReference, ImportField.ReceivedAt, ImportField.CustomerName, ImportField.Phone, ImportField.Address, ImportField.Content];

    /// <summary>Fields a column or the source's fixed value gives (the platform may not export them).</summary>
    public static IReadOnlyList<ImportField> NeedColumnOrDefault { get; } =
        [ImportField.Channel, ImportField.Category, ImportField.Urgency, ImportField.CustomerType, ImportField.Demands, ImportField.ExpectedOutcome, ImportField.Profile];

    public static string Label(ImportField field) => field switch
    {
        ImportField.UpstreamReference => "工单编号",
        ImportField.ReceivedAt => "来电时间",
        ImportField.Channel => "投诉渠道",
        ImportField.CustomerName => "客户姓名",
        ImportField.Phone => "联系电话",
        ImportField.AccountNumber => "户号",
        ImportField.Address => "用电地址",
        ImportField.CustomerType => "客户类型",
        ImportField.Category => "投诉类别",
        ImportField.SubCategory => "投诉子类",
        ImportField.Urgency => "紧急程度",
        ImportField.Content => "投诉内容",
        ImportField.Demands => "客户诉求",
        ImportField.ExpectedOutcome => "客户期望结果",
        ImportField.Profile => "投诉人类型",
        ImportField.SpecialGroupNote => "特殊群体说明",
        _ => field.ToString(),
    };

    /// <summary>The field an intake rule names (its property name), if it is one a column can fill.</summary>
    public static ImportField? FromIntakeField(string name) => Enum.TryParse<ImportField>(name, out var field) ? field : null;
}
