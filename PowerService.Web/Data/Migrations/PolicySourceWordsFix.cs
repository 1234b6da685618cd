using Microsoft.EntityFrameworkCore.Migrations;

namespace PowerService.Web.Data.Migrations;

/// <summary>
/// The data fix of the PolicySourceWords migration, the same on SQLite and PostgreSQL: the seeded
/// SLA rules named their source by codes ("§002", "[reg]") that meant nothing to a user. Rules and
/// running clocks that still carry a seeded text get the words instead; a source an admin has
/// rewritten is left alone. The texts are frozen here, as they were seeded, not read from the domain.
/// </summary>
internal static class PolicySourceWordsFix
{
    private static readonly (string Code, string Words)[] Sources =
    [
        ("§002 一般投诉 24 小时内响应", "公司投诉处理办法：一般投诉 24 小时内响应"),
        ("§002 紧急投诉 2 小时内响应", "公司投诉处理办法：紧急投诉 2 小时内响应"),
        ("§002 特急投诉立即响应（按 15 分钟内计）", "公司投诉处理办法：特急投诉立即响应（按 15 分钟内计）"),
        ("§002 2 小时内电话联系客户", "公司投诉处理办法：一般投诉 2 小时内电话联系客户"),
        ("§002 紧急 30 分钟内联系客户", "公司投诉处理办法：紧急投诉 30 分钟内联系客户"),
        ("§002 特急 30 分钟内联系客户", "公司投诉处理办法：特急投诉 30 分钟内联系客户"),
        ("[reg] 95598 投诉 24 小时内联系客户", "国家电网95598服务规范：投诉 24 小时内联系客户"),
        ("§000 处理 1–7 个工作日", "公司供电服务标准：按业务类型 1–7 个工作日办结"),
        ("§000 电费异议 3 个工作日", "公司供电服务标准：电费异议 3 个工作日内办结"),
        ("[reg] 95598 投诉 4 个工作日内处理答复", "国家电网95598服务规范：投诉 4 个工作日内处理答复"),
        ("[reg] 12398 10 个工作日内处理并书面答复", "12398能源监管热线投诉处理办法：10 个工作日内处理并书面答复"),
        ("[reg] 12345 一般 7 天", "12345政务服务便民热线办理规定（各地不同）：一般 7 天内办结"),
        ("紧急投诉 1 个工作日", "本系统默认：紧急投诉 1 个工作日内处理"),
        ("特急投诉 24 小时", "本系统默认：特急投诉 24 小时内处理"),
        ("§002 处理完成后 24 小时内首次回访", "公司投诉处理办法：处理完成后 24 小时内首次回访"),
        ("§002 7 天后二次回访（第 8 天内完成）", "公司投诉处理办法：7 天后二次回访（第 8 天内完成）"),
        ("总结改进 10 个工作日内提交整改措施", "本系统默认：总结改进 10 个工作日内提交整改措施"),
    ];

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (code, words) in Sources) Rename(migrationBuilder, code, words);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (code, words) in Sources) Rename(migrationBuilder, words, code);
    }

    private static void Rename(MigrationBuilder migrationBuilder, string from, string to)
    {
        migrationBuilder.Sql($"UPDATE \"SlaRules\" SET \"Source\" = {Literal(to)} WHERE \"Source\" = {Literal(from)};");
        // Each complaint's clocks are one JSON text column; a clock keeps the rule text it started under.
        var (fromJson, toJson) = ($"\"Rule\":\"{from}\"", $"\"Rule\":\"{to}\"");
        migrationBuilder.Sql($"UPDATE \"Complaints\" SET \"Clocks\" = REPLACE(\"Clocks\", {Literal(fromJson)}, {Literal(toJson)}) WHERE \"Clocks\" LIKE {Literal("%" + fromJson + "%")};");
    }

    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";
}
