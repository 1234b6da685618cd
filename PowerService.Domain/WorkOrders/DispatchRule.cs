using PowerService.Domain.Complaints;
using PowerService.Domain.Text;

namespace PowerService.Domain.WorkOrders;

/// <summary>
/// An admin's dispatch rule: complaints of this category (and sub-category, and area — a place name
/// the address contains) go to this department, to the handler there with the fewest open complaints
/// among those with <see cref="Skill"/> (any handler when it names none). Work orders from other
/// systems are always dispatched by the rules; a typed intake only when <see cref="OnTypedIntake"/>.
/// </summary>
public sealed record DispatchRule(int Id, string Name, Category? Category, string? SubCategory, string? Area, string Department, string? Skill, bool OnTypedIntake)
{
    /// <summary>A rule naming more narrows more: sub-category and area each count, category counts once.</summary>
    public int Specificity => (Category is null ? 0 : 1) + (TextRules.Present(SubCategory) ? 2 : 0) + (TextRules.Present(Area) ? 2 : 0);

    public bool Matches(Category category, string subCategory, string address) =>
        (Category is null || Category == category)
        && (!TextRules.Present(SubCategory) || SubCategory == subCategory)
        && (!TextRules.Present(Area) || address.Contains(Area!.Trim(), StringComparison.Ordinal));

    /// <summary>Field messages for a rule as an admin typed it.</summary>
    public IReadOnlyList<FieldError> Check(IReadOnlyCollection<string> departments)
    {
        var errors = new List<FieldError>();
        if (!TextRules.Present(Name) || Name.Trim().Length > 30) errors.Add(new(nameof(Name), "请填写规则名称（不超过 30 字）"));
        if (!departments.Contains(Department)) errors.Add(new(nameof(Department), "请选择派往的部门"));
        if (TextRules.Present(SubCategory) && (Category is null || !SubCategories.IsValid(Category.Value, SubCategory)))
            errors.Add(new(nameof(SubCategory), "子类须属于所选类别"));
        if (TextRules.Present(Area) && Area!.Trim().Length is < 2 or > 20) errors.Add(new(nameof(Area), "区域为地址中的地名，2–20 字"));
        if (TextRules.Present(Skill) && Skill!.Trim().Length > 20) errors.Add(new(nameof(Skill), "技能不超过 20 字"));
        if (Category is null && !TextRules.Present(Area)) errors.Add(new(nameof(Category), "请至少选择类别或填写区域，否则规则会接收全部投诉"));
        return errors;
    }
}

/// <summary>A handler dispatch can choose: their open complaints and skills as of the choice.</summary>
public sealed record DispatchCandidate(string UserId, string DisplayName, string Department, IReadOnlyCollection<string> Skills, int OpenComplaints);

/// <summary>What dispatch decided: the rule, the handler, and why that handler — the timeline's words.</summary>
public sealed record DispatchDecision(DispatchRule Rule, DispatchCandidate Handler)
{
    public string Explanation =>
        $"按派单规则“{Rule.Name}”自动派单" + (TextRules.Present(Rule.Skill) ? $"，技能“{Rule.Skill!.Trim()}”" : "")
        + $"，在办 {Handler.OpenComplaints} 件最少";
}

/// <summary>Picks the rule and the handler; pure, so the same complaint and workloads always pick the same.</summary>
public static class Dispatcher
{
    /// <summary>The most specific matching rule; between equals, the lowest id (the one written first).</summary>
    public static DispatchRule? RuleFor(IEnumerable<DispatchRule> rules, Category category, string subCategory, string address, bool typedIntake) =>
        rules.Where(r => (!typedIntake || r.OnTypedIntake) && r.Matches(category, subCategory, address))
            .OrderByDescending(r => r.Specificity).ThenBy(r => r.Id).FirstOrDefault();

    /// <summary>
    /// The handler of the rule's department, with its skill, who has the fewest open complaints; ties go
    /// to the name first in order, so two equal handlers are not picked at random. Null when the
    /// department has nobody with the skill: the complaint then waits in the intake queue.
    /// </summary>
    public static DispatchDecision? Decide(DispatchRule rule, IEnumerable<DispatchCandidate> candidates)
    {
        var skill = rule.Skill?.Trim();
        var pick = candidates
            .Where(c => c.Department == rule.Department && (string.IsNullOrEmpty(skill) || c.Skills.Contains(skill)))
            .OrderBy(c => c.OpenComplaints).ThenBy(c => c.DisplayName, StringComparer.Ordinal).ThenBy(c => c.UserId, StringComparer.Ordinal)
            .FirstOrDefault();
        return pick is null ? null : new(rule, pick);
    }
}
