using PowerService.Domain.Complaints;
using PowerService.Domain.WorkOrders;

namespace PowerService.Web.Data;

/// <summary>
/// That a work order from another system (the API, an import) became a complaint. The unique
/// (channel, upstream reference) key is what makes a resent order or a re-imported file create
/// nothing twice, on any number of app instances.
/// </summary>
public sealed class WorkOrderReceipt
{
    public long Id { get; set; }
    public Channel Channel { get; set; }
    public string UpstreamReference { get; set; } = "";
    public int ComplaintId { get; set; }
    public string Number { get; set; } = "";

    /// <summary>The way it came in: "接口：12398 转办" or "导入：12345 平台导出".</summary>
    public string Via { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>An admin's dispatch rule as stored; a removed rule is disabled, so the timelines that name it stay true.</summary>
public sealed class DispatchRuleRecord
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public Category? Category { get; set; }
    public string? SubCategory { get; set; }
    public string? Area { get; set; }
    public string Department { get; set; } = "";
    public string? Skill { get; set; }
    public bool OnTypedIntake { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>Counts every change: two admins editing one rule are told apart.</summary>
    public int Revision { get; set; }

    public DispatchRule ToRule() => new(Id, Name, Category, SubCategory, Area, Department, Skill, OnTypedIntake);
}

/// <summary>A word of the admin's public-opinion list (记者, 曝光, 微博 …).</summary>
public sealed class OpinionTermRecord
{
    public int Id { get; set; }
    public string Term { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
    public string AddedBy { get; set; } = "";
}

/// <summary>A handler's skill, as dispatch rules name it (计量, 抄核收, 抢修 …).</summary>
public sealed class StaffSkill
{
    public string UserId { get; set; } = "";
    public string Skill { get; set; } = "";
}
