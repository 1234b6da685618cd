using System.Diagnostics;
using Microsoft.Extensions.Options;
using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Documents;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Features.Documents;

/// <summary>
/// Composes and renders the 12398 reply of a complete complaint to PDF, as issuing does, and reports
/// the median time per document and the file size, after a warm-up.
/// </summary>
internal static class ReplyBenchmark
{
    public static int Run(int runs)
    {
        using var fonts = new DocumentFonts(Options.Create(new DocumentOptions()));
        if (fonts.Problem is { } problem)
        {
            Console.Error.WriteLine(problem);
            return 1;
        }
        var renderer = new DocumentRenderer(fonts);
        var complaint = CompleteComplaint();
        var settings = new DocumentSettings("国网杭州供电公司", "国家能源局浙江监管办公室");
        var at = new DateTimeOffset(2026, 12, 2, 1, 30, 0, TimeSpan.Zero);

        byte[] pdf = [];
        for (var i = 0; i < 5; i++) pdf = renderer.Pdf(ComplaintDocuments.Compose(DocumentKind.Reply12398, complaint, settings, at), at);
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            pdf = renderer.Pdf(ComplaintDocuments.Compose(DocumentKind.Reply12398, complaint, settings, at), at);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var pages = System.Text.Encoding.ASCII.GetString(pdf).Split("/Type /Page").Length - 1 - 1; // minus the /Pages node
        Console.WriteLine($"12398 reply: {pages} pages, {pdf.Length / 1024.0:F0} KB");
        Console.WriteLine($"runs: {runs}; min {times[0]:F1} ms, median {times[runs / 2]:F1} ms, p90 {times[runs * 9 / 10]:F1} ms");
        return 0;
    }

    private static Complaint CompleteComplaint()
    {
        var start = new DateTimeOffset(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);
        var roles = new[] { StaffRole.IntakeAgent, StaffRole.Handler, StaffRole.Manager };
        var agent = new Actor("a", "王芳");
        var handler = new Actor("h", "李强");
        StepContext At(DateTimeOffset t, Actor by) => new(by, roles, t);
        var intake = new ComplaintIntake
        {
            Channel = Channel.Regulator12398, UpstreamReference = "NEA20261123001", ReceivedAt = start.AddMinutes(-10),
            CustomerName = "张建国", Phone = "13812348000", AccountNumber = "3300123456", Address = "杭州市西湖区文三路 100 号 2 单元 301 室",
            CustomerType = CustomerType.Residential, Category = Category.Supply, SubCategory = "计划停电未通知", Urgency = Urgency.Normal,
            Content = "11月20日全天停电，事先没有收到任何停电通知，家中冰箱食物变质，老人因天气寒冷身体不适。此前已通过 95598 反映，未得到满意答复，现向能源监管热线投诉。",
            Demands = "说明停电原因，赔偿损失，今后停电提前通知", ExpectedOutcome = "书面道歉并减免电费", Profile = ComplainantProfile.Emotional,
        };
        var c = Complaint.Register(intake, "TS202611230001", Guid.NewGuid(), "客户服务中心", At(start, agent)).Value!;
        Check(c.Dispatch(new DispatchOrder(handler, "城区供电所"), At(start.AddHours(1), agent)));
        Check(c.Investigate(new InvestigationFindings(
            "经核实，11月20日 10kV 文三线因线路改造计划检修停电 8 小时，停电通知短信因客户联系电话已变更未能送达，现场公告张贴位置不醒目。",
            "停电计划单、短信发送日志、现场公告照片、95598 通话录音", "客户联系电话变更后未同步至停电通知系统；现场公告张贴不规范。",
            Responsibility.Company, "向客户致歉，按停电时长减免电费，更新联系方式，规范现场公告。"), At(start.AddHours(5), handler)));
        Check(c.Resolve(new ResolutionPlan("上门致歉，按停电 8 小时比例减免当月电费，协助客户更新联系电话，并赠送一台用电保护装置。", start.AddHours(20),
            "11月24日上门告知客户处理方案及停电原因，客户表示同意。", new Compensation(CompensationKind.BillReduction, "减免当月电费 35.60 元", 35.60m)), At(start.AddHours(24), handler)));
        Check(c.Revisit(new RevisitRecord(RevisitMethod.Phone, true, Satisfaction.Satisfied, "对处理结果满意"), At(start.AddHours(30), agent)));
        Check(c.Revisit(new RevisitRecord(RevisitMethod.Phone, true, Satisfaction.Satisfied, "问题未再出现"), At(start.AddDays(8), agent)));
        return c;
    }

    private static void Check(StepResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("；", result.Reasons));
    }
}
