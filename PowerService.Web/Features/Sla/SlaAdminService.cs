using Microsoft.EntityFrameworkCore;
using PowerService.Domain.Complaints;
using PowerService.Domain.Sla;
using PowerService.Domain.Text;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Sla;

/// <summary>How an admin marks a single day.</summary>
public enum DayKind { Normal, Holiday, MakeUpWorkday }

/// <summary>A warning about the calendar data itself.</summary>
public sealed record CalendarWarning(int Year, string Message, bool Urgent);

/// <summary>
/// What admins change about deadlines: calendar years (import, single days), department hours and
/// the SLA policy. Every change invalidates the cached schedule, so the next step uses it; clocks
/// already running keep the limits they started with.
/// </summary>
public sealed class SlaAdminService(IDbContextFactory<AppDbContext> dbFactory, SlaSchedules schedules, TimeProvider time)
{
    /// <summary>How long before a new year its calendar must be present.</summary>
    public const int WarnDaysBeforeYear = 45;

    public async Task<IReadOnlyList<CalendarYearRecord>> YearsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CalendarYears.AsNoTracking().OrderBy(y => y.Year).ToListAsync(ct);
    }

    /// <summary>The current year missing is urgent; next year missing within 45 days of its start is a warning.</summary>
    public async Task<IReadOnlyList<CalendarWarning>> WarningsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var years = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
        var today = time.GetUtcNow().ChinaDate();
        var warnings = new List<CalendarWarning>();
        if (!years.Contains(today.Year))
            warnings.Add(new(today.Year, $"{today.Year} 年节假日历未配置：工作日时限暂按周末计算，请立即导入。", true));
        var next = today.Year + 1;
        if (!years.Contains(next) && new DateOnly(next, 1, 1).DayNumber - today.DayNumber <= WarnDaysBeforeYear)
            warnings.Add(new(next, $"{next} 年节假日历尚未导入：请在元旦前导入国务院办公厅公布的放假安排。", false));
        return warnings;
    }

    /// <summary>Imports a year from a JSON or ICS file; replaces that year if it exists.</summary>
    public async Task<StepResult<CalendarYear>> ImportAsync(string fileName, string content, int? icsYear, StaffUser by, CancellationToken ct = default)
    {
        var isIcs = fileName.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) || content.TrimStart().StartsWith("BEGIN:VCALENDAR", StringComparison.Ordinal);
        if (isIcs && icsYear is not (>= 2000 and <= 2100))
            return new(null, StepResult.Refused([new FieldError("IcsYear", "导入 ICS 文件时请填写年份")]));
        var (year, errors) = isIcs ? CalendarFormats.FromIcs(content, icsYear!.Value) : CalendarFormats.FromJson(content);
        if (year is null) return new(null, StepResult.Refused(errors));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.CalendarYears.FindAsync([year.Year], ct);
        if (record is null) db.CalendarYears.Add(record = new CalendarYearRecord { Year = year.Year });
        record.Days = [.. year.Days];
        Stamp(record, by);
        await db.SaveChangesAsync(ct);
        schedules.Invalidate();
        return new(year, StepResult.Success);
    }

    /// <summary>Marks one day of a stored year as a normal day, a holiday or a make-up working day.</summary>
    public async Task<StepResult> SetDayAsync(DateOnly date, DayKind kind, string? name, StaffUser by, CancellationToken ct = default)
    {
        if (kind != DayKind.Normal && !TextRules.Present(name)) return StepResult.Refused([new FieldError("Name", "请填写节日名称")]);
        if (CalendarFormats.NameProblem(name) is { } problem) return StepResult.Refused([new FieldError("Name", "节日名称" + problem)]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.CalendarYears.FindAsync([date.Year], ct);
        if (record is null) return StepResult.Refused($"{date.Year} 年日历尚未导入，请先导入该年日历");

        var days = record.Days.Where(d => d.Date != date).ToList();
        if (kind != DayKind.Normal) days.Add(new CalendarDay(date, name!.Trim(), kind == DayKind.Holiday));
        record.Days = [.. days.OrderBy(d => d.Date)];
        Stamp(record, by);
        await db.SaveChangesAsync(ct);
        schedules.Invalidate();
        return StepResult.Success;
    }

    public async Task<IReadOnlyList<Department>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Departments.AsNoTracking().OrderBy(d => d.Id).ToListAsync(ct);
    }

    public async Task<StepResult> SetHoursAsync(int departmentId, TimeOnly? opens, TimeOnly? closes, CancellationToken ct = default)
    {
        if (opens is null || closes is null) return StepResult.Refused([new FieldError("Hours", "请填写上班和下班时间")]);
        if (closes <= opens) return StepResult.Refused([new FieldError("Hours", "下班时间须晚于上班时间")]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var department = await db.Departments.FindAsync([departmentId], ct);
        if (department is null) return StepResult.Refused("未找到该部门");
        (department.Opens, department.Closes) = (opens.Value, closes.Value);
        await db.SaveChangesAsync(ct);
        schedules.Invalidate();
        return StepResult.Success;
    }

    public async Task<IReadOnlyList<SlaRuleRecord>> RulesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // In the loop's order of clocks (stored as names, so SQL would sort them alphabetically).
        return (await db.SlaRules.AsNoTracking().ToListAsync(ct)).OrderBy(r => r.Clock).ThenBy(r => r.Id).ToList();
    }

    /// <summary>Adds (id 0) or changes a policy row. New complaints get it; running clocks keep theirs.</summary>
    public async Task<StepResult> SaveRuleAsync(SlaRuleRecord rule, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        if (rule.Unit == LimitUnit.Immediate ? rule.Amount != 0 : rule.Amount is < 1 or > 365)
            errors.Add(new(nameof(SlaRuleRecord.Amount), rule.Unit == LimitUnit.Immediate ? "“立即”不填数量" : "时限数量须在 1 至 365 之间"));
        if (!TextRules.Present(rule.Source) || !TextRules.WithinLength(rule.Source, 200) || !TextRules.IsPlainText(rule.Source))
            errors.Add(new(nameof(SlaRuleRecord.Source), "请写明依据（不超过 200 字的纯文本）"));
        if (errors.Count > 0) return StepResult.Refused(errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (rule.Id == 0) db.SlaRules.Add(rule);
        else db.SlaRules.Update(rule);
        await db.SaveChangesAsync(ct);
        schedules.Invalidate();
        return StepResult.Success;
    }

    public async Task DeleteRuleAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SlaRules.Where(r => r.Id == id).ExecuteDeleteAsync(ct);
        schedules.Invalidate();
    }

    private void Stamp(CalendarYearRecord record, StaffUser by)
    {
        record.UpdatedAt = time.GetUtcNow();
        record.UpdatedBy = by.Actor.DisplayName;
    }
}
