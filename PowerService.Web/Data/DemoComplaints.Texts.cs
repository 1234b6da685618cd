using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Time;

namespace PowerService.Web.Data;

/// <summary>What the demo's people write: the customer's story, the investigation, the remedy, the root cause.</summary>
internal sealed partial class DemoComplaints
{
    /// <summary>
    /// What an investigation can find for each sub-category: a cause with the responsibility it implies.
    /// A cause that is the company's fault (抄表数据异常未复核…) is never recorded as a third party's, and
    /// a third party, the weather or the customer is named in the cause when they are responsible.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, (string Cause, Responsibility Responsibility)[]> Causes =
        new Dictionary<string, (string, Responsibility)[]>
        {
            ["电费账单错误"] = [("抄表员录入读数错误，抄表数据异常未复核，导致电费计算错误", Responsibility.Company)],
            ["电表计量异常"] = [("电能表计量元件故障，走字偏快，周期校验未及时发现", Responsibility.Company),
                              ("邻户私自从客户表后接线用电，造成客户电表多计电量", Responsibility.ThirdParty)],
            ["电价执行错误"] = [("营销系统中客户电价类别登记错误，变更后未核对", Responsibility.Company)],
            ["电费突增"] = [("抄表数据异常未复核，两个月电量计入同一期", Responsibility.Company),
                            ("客户家中新增电采暖设备，用电量确有增加，电费计算无误", Responsibility.Customer)],
            ["其他电费问题"] = [("缴费对账未及时销账，系统误发欠费催缴短信", Responsibility.Company),
                              ("第三方代收平台资金到账延迟，缴费未及时销账", Responsibility.ThirdParty)],
            ["计划停电未通知"] = [("停电信息未及时同步到客户联系人，通知未送达", Responsibility.Company)],
            ["频繁停电"] = [("线路通道树障清理不及时，大风时导线碰树跳闸", Responsibility.Company),
                            ("小区周边市政施工单位多次挖断电缆，造成停电", Responsibility.ThirdParty)],
            ["复电不及时"] = [("故障定位耗时过长，抢修备品备件不足", Responsibility.Company),
                              ("强雷暴天气造成多处线路同时故障，抢修顺序靠后", Responsibility.ForceMajeure)],
            ["电压质量问题"] = [("台区负荷增长过快，配电变压器容量不足导致末端电压偏低", Responsibility.Company)],
            ["其他供电问题"] = [("小区进户线老化，未及时纳入改造计划", Responsibility.Company),
                              ("小区物业自管配电设施维护不到位，雨天漏电跳闸", Responsibility.ThirdParty)],
            ["抢修响应慢"] = [("抢修力量调度不足，到达现场超时", Responsibility.Company),
                              ("台风期间道路中断，抢修人员无法按时到达", Responsibility.ForceMajeure)],
            ["设备故障"] = [("首次抢修仅做临时处理，未彻底更换故障部件", Responsibility.Company)],
            ["安装施工不规范"] = [("外包施工队未按工艺标准施工，验收把关不严", Responsibility.Company)],
            ["其他抢修问题"] = [("抢修完工后未执行现场清理和验收", Responsibility.Company)],
            ["服务态度差"] = [("工作人员使用服务忌语，服务规范执行不到位", Responsibility.Company)],
            ["推诿搪塞"] = [("工作人员未执行首问负责制，推诿客户", Responsibility.Company)],
            ["敷衍了事"] = [("客服人员未按流程核实问题即结束通话", Responsibility.Company)],
            ["办理流程繁琐"] = [("业务所需资料未一次性告知客户", Responsibility.Company)],
            ["其他服务问题"] = [("营业厅未安排老年客户引导服务", Responsibility.Company)],
            ["设备噪音"] = [("变压器散热风机老化，运行噪音超标", Responsibility.Company)],
            ["其他"] = [("电杆基础被雨水冲刷松动，线路巡视未及时发现", Responsibility.Company),
                        ("第三方车辆撞击电杆致其倾斜", Responsibility.ThirdParty)],
        };

    private InvestigationFindings Findings(Complaint c)
    {
        var options = Causes[c.SubCategory];
        // About one in five has a cause outside the company where the sub-category allows one; in a storm
        // week most late restorations and repairs are the weather's.
        var storm = DemoSeason.IsStorm(c.ReceivedAt.ChinaDate()) && options.Any(o => o.Responsibility == Responsibility.ForceMajeure);
        var (cause, responsibility) = options.Length > 1 && Chance(storm ? 0.6 : 0.2) ? options[1 + random.Next(options.Length - 1)] : options[0];
        return new(
            responsibility == Responsibility.Customer
                ? "经调取抄表记录、现场校验电能表并与客户核实，电能表计量准确，电费按实际用电量计算。"
                : "经调取系统工单记录、通话录音并现场核查，客户反映的情况属实。",
            "系统工单记录、通话录音、现场照片",
            cause,
            responsibility,
            responsibility switch
            {
                Responsibility.Company => "向客户致歉，按规定给予补救，并纠正相关问题",
                Responsibility.ThirdParty => "向客户说明原因，督促责任方整改并跟踪至问题消除",
                Responsibility.ForceMajeure => "向客户说明原因，完善恶劣天气抢修预案",
                _ => "向客户解释电费构成，提供节约用电建议",
            });
    }

    /// <summary>
    /// The remedy: the company compensates for its own fault only (docs/domain.md §5); otherwise the customer
    /// is told why and helped. The commitment made to the customer is the handling limit.
    /// </summary>
    private static ResolutionPlan Resolution(Complaint c, DateTimeOffset committedBy)
    {
        if (c.Investigation?.Responsibility is not Responsibility.Company)
            return new ResolutionPlan(
                "已向客户说明原因并协助处理：" + c.Investigation?.Proposal,
                committedBy,
                "电话告知客户调查结论和处理情况，客户表示理解",
                new Compensation(CompensationKind.None, null, null));
        var suggestion = CompensationAdvisor.Suggest(c.Category, c.SubCategory);
        return new ResolutionPlan(
            "已与客户商定处理方案并落实：" + (suggestion.Detail ?? "说明原因并消除问题"),
            committedBy,
            "电话告知客户处理方案及结果，客户表示同意",
            suggestion.Kind == CompensationKind.None ? suggestion : suggestion with { Amount = suggestion.Kind is CompensationKind.BillReduction or CompensationKind.Refund ? 50m : null });
    }

    /// <summary>What the handler does the second time, after the customer said the first was not enough.</summary>
    private static string SecondSolution(Complaint c) =>
        c.Investigation!.Responsibility != Responsibility.Company ? "上门当面说明调查结论和依据，并跟踪责任方处理进度"
            : c.Resolution!.Compensation!.Kind switch
            {
                CompensationKind.Refund => "重新核算多收电费并补足退款，上门当面说明核算依据",
                CompensationKind.BillReduction => "重新核算并追加减免，上门当面说明核算依据",
                _ => "再次上门沟通，落实客户补充诉求并说明处理依据",
            };

    private static string Dissatisfaction(Complaint c) =>
        c.Investigation!.Responsibility != Responsibility.Company ? "客户对调查结论有疑问，要求当面说明"
            : c.Resolution!.Compensation!.Kind is CompensationKind.Refund or CompensationKind.BillReduction ? "客户认为补偿不足，要求重新核算"
            : "客户认为问题未彻底解决，要求进一步处理";

    /// <summary>The daily progress update (§002 处理中每日更新进度) of a case that takes more than a day.</summary>
    private static string ProgressText(Complaint c) => c.Category switch
    {
        Category.Billing => "已调取抄表及缴费记录核对，正在复核电量电费，已告知客户预计完成时间",
        Category.Supply or Category.Repair => "已安排人员现场勘查，正在落实处理措施，已告知客户预计完成时间",
        _ => "已约谈相关工作人员并核实经过，正在落实整改，已告知客户处理进度",
    };

    /// <summary>What a complaint turns out to be when it is not one, in the 12398 statistics' terms (咨询, 举报, 其他).</summary>
    private Reclassification Reclassified() => random.Next(100) switch
    {
        < 55 => new(ReclassifiedAs.Enquiry, "经核实客户仅咨询电价政策，已当场解答"),
        < 75 => new(ReclassifiedAs.Suggestion, "客户主要对营业厅服务时间提出改进建议，按意见建议登记处理"),
        < 90 => new(ReclassifiedAs.HelpRequest, "独居老人求助检查户内线路，转为求助工单由网格员上门协助"),
        _ => new(ReclassifiedAs.Report, "客户反映邻近商铺私拉乱接用电，转为举报线索移交用电检查"),
    };

    /// <summary>
    /// The root cause (5 whys) behind each kind of company fault, and its corrective actions: several
    /// sub-categories share a cause (a bill wrong or jumping: the readings are not checked), so the
    /// report's most frequent root causes name a handful of recurring problems.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string RootCause, (string Action, string Owner, int Days)[] Actions)> RootCauses =
        new Dictionary<string, (string, (string, string, int)[])>
        {
            ["抄表"] = ("抄表数据异常缺少系统自动校核，人工复核流于形式", [
                ("营销系统增设电量突变自动校核规则，异常数据复核后方可发行", "营销部 孙丽", 30), ("对抄表员开展数据复核专项考核", "营销部 孙丽", 45)]),
            ["电表计量异常"] = ("计量装置周期检定与轮换计划执行滞后", [
                ("梳理超期未轮换电能表清单并限期轮换", "营销部 孙丽", 60), ("计量异常工单纳入月度分析会通报", "营销部 孙丽", 30)]),
            ["电价执行错误"] = ("电价类别变更缺少复核环节，变更后未与客户核对", [
                ("电价变更实行双人复核并短信告知客户", "营销部 孙丽", 20), ("全面排查同类电价执行情况", "营销部 孙丽", 45)]),
            ["其他电费问题"] = ("缴费对账依赖人工，代收渠道到账未实时销账", [
                ("代收渠道对账改为每日自动核对", "营销部 孙丽", 45), ("催缴短信发送前增加到账核验", "营销部 孙丽", 20)]),
            ["计划停电未通知"] = ("停电通知依赖人工逐户发送，客户联系方式未定期核对", [
                ("停电计划发布后自动推送短信和网上国网消息", "城区供电所 李强", 30), ("每季度核对一次台区客户联系方式", "城区供电所 李强", 60)]),
            ["频繁停电"] = ("线路通道树障清理未按季节性生长规律安排", [
                ("迎峰度夏前完成重点线路树障清理", "运维检修部 周杰", 30), ("频繁停电线路纳入专项治理清单", "运维检修部 周杰", 60)]),
            ["抢修"] = ("夏季高峰抢修力量和备品备件按常规配置，未按负荷预测提前增援", [
                ("按负荷预测制定高峰期抢修力量增援方案", "运维检修部 周杰", 30), ("补足抢修备品备件并每月盘点", "运维检修部 周杰", 20)]),
            ["电压质量问题"] = ("台区负荷增长未及时纳入配网改造计划，重过载预警未闭环", [
                ("对重过载台区实施增容改造", "运维检修部 周杰", 60), ("重过载预警纳入周例会跟踪闭环", "城区供电所 李强", 20)]),
            ["设施"] = ("老旧配电设施巡视和隐患排查不到位", [
                ("开展老旧小区配电设施隐患专项排查", "城区供电所 李强", 45), ("隐患整改情况按月通报", "城区供电所 李强", 30)]),
            ["验收"] = ("抢修和施工完工缺少质量验收，临时处理后未跟踪彻底修复", [
                ("抢修及外包施工完工后实行现场验收签字", "运维检修部 周杰", 20), ("临时处理工单设置跟踪回访节点", "运维检修部 周杰", 30)]),
            ["服务规范"] = ("服务规范培训未覆盖新入职和外包人员，缺少日常监督检查", [
                ("对新入职及外包人员开展服务规范培训并考试", "培训中心 陈静", 30), ("营业厅服务录音每周抽查", "客户服务中心 赵敏", 20)]),
            ["一次告知"] = ("业务办理资料清单和一次性告知制度未落实", [
                ("公布各项业务办理资料清单，实行一次性告知", "客户服务中心 赵敏", 20), ("营业厅增设引导岗，为老年客户优先办理", "城区供电所 李强", 30)]),
            ["设备噪音"] = ("老旧变压器运行状态监测不到位，未纳入更换计划", [
                ("对运行超过 20 年的配电变压器开展噪音检测", "运维检修部 周杰", 45), ("噪音超标变压器列入年度更换计划", "运维检修部 周杰", 60)]),
        };

    private static string RootCauseKey(string subCategory) => subCategory switch
    {
        "电费账单错误" or "电费突增" => "抄表",
        "复电不及时" or "抢修响应慢" => "抢修",
        "其他供电问题" or "其他" => "设施",
        "设备故障" or "安装施工不规范" or "其他抢修问题" => "验收",
        "服务态度差" or "推诿搪塞" or "敷衍了事" => "服务规范",
        "办理流程繁琐" or "其他服务问题" => "一次告知",
        _ => subCategory,
    };

    /// <summary>The 问题清单: the root cause and its actions, due weeks from <paramref name="today"/>; now and then the case also goes into the training library.</summary>
    private ImprovementPlan PlanFor(Complaint c, DateOnly today)
    {
        var (rootCause, actions) = RootCauses[RootCauseKey(c.SubCategory)];
        var list = actions.Select(a => new CorrectiveAction(a.Action, a.Owner, today.AddDays(a.Days + random.Next(0, 10)))).ToList();
        if (c.Category != Category.Conduct && Chance(0.3)) list.Add(new CorrectiveAction("将本案例编入培训案例库并组织学习", "培训中心 陈静", today.AddDays(45)));
        return new ImprovementPlan(rootCause, list);
    }

    /// <summary>What the customer says, per sub-category (a catch-all "其他…" gets a real case, never its own name).</summary>
    private (string Content, string Demands, string Expected) Story(Category category, string sub) => sub switch
    {
        "电费账单错误" => ($"客户反映本月电费账单显示用电 {random.Next(600, 900)} 千瓦时，与电表读数明显不符，实际用电约 {random.Next(150, 300)} 千瓦时。",
            "核对账单与电表读数，更正电费", "退还多收电费并书面说明"),
        "电表计量异常" => ($"客户反映家中电表走字明显偏快，关闭全部电器后电表仍在计量，本月电费达 {random.Next(400, 900)} 元。",
            "校验电表，说明多计原因", "更换或校验电表，退还多收电费"),
        "电价执行错误" => ($"客户反映其居民生活用电近 3 个月被按一般工商业电价计费，多交电费约 {random.Next(200, 600)} 元。",
            "按居民电价重新计算电费", "退还差额并更正电价类别"),
        "电费突增" => ($"客户反映本月电费较往月明显异常，上月电费约 {random.Next(80, 200)} 元，本月达 {random.Next(400, 900)} 元，家中用电习惯无变化。",
            "核查电表和抄表数据，说明电费异常原因", "说明原因，如有多收予以退还"),
        "其他电费问题" => ("客户反映已通过网上国网缴清电费，系统仍显示欠费，并收到停电催缴短信。",
            "核实缴费记录，撤销催缴", "确认缴费到账并书面说明"),
        "计划停电未通知" => ($"客户反映所在小区 {random.Next(1, 28)} 日停电约 {random.Next(2, 9)} 小时，事先未收到任何停电通知，家中冰箱食物变质。",
            "说明停电原因，今后提前通知", "给予合理补偿并改进通知方式"),
        "频繁停电" => ($"客户反映所在小区近一个月停电 {random.Next(3, 7)} 次，每次持续约 1 小时，影响正常生活。",
            "查明频繁停电原因并彻底处理", "给出整改时间表，不再频繁停电"),
        "复电不及时" => ($"客户反映 {random.Next(1, 28)} 日故障停电后约 {random.Next(5, 12)} 小时才恢复供电，期间多次致电未获明确答复。",
            "说明复电延误原因", "改进抢修调度并给予补偿"),
        "电压质量问题" => ("客户反映家中电压长期偏低，傍晚空调无法启动，灯光忽明忽暗。",
            "检测电压并尽快处理", "电压恢复正常范围"),
        "其他供电问题" => ("客户反映小区供电线路老化，雨天经常跳闸，担心存在安全隐患。",
            "排查线路安全隐患", "尽快改造老化线路"),
        "抢修响应慢" => ($"客户报修后抢修人员迟迟未到，等待约 {random.Next(2, 6)} 小时，期间多次催促未果。",
            "尽快修复并说明延误原因", "追究责任并给予补偿"),
        "设备故障" => ("客户反映门前电表箱故障冒烟，报修后仅做临时处理，问题反复出现。",
            "彻底修复电表箱", "更换故障设备并确认安全"),
        "安装施工不规范" => ("客户反映新装电表施工后墙面留有破损，线路裸露未做防护。",
            "整改施工问题，修复墙面", "按标准重新施工"),
        "其他抢修问题" => ("客户反映抢修完成后现场遗留废旧线缆和杂物，多日无人清理。",
            "清理现场", "今后抢修完工清理现场"),
        "服务态度差" => ("客户在营业厅办理业务时，工作人员态度生硬，称“规定就是这样”，拒绝解释。",
            "要求工作人员道歉", "规范服务并给出明确答复"),
        "推诿搪塞" => ("客户在营业厅办理业务时，工作人员称“这不是我负责的”，让其找别的部门。",
            "要求工作人员道歉", "规范服务并给出明确答复"),
        "敷衍了事" => ("客户多次来电咨询电费问题，客服人员未核实即结束通话，问题始终未得到解答。",
            "安排专人解答", "一次讲清并跟踪到底"),
        "办理流程繁琐" => ("客户办理峰谷电价变更，先后跑了三趟营业厅，每次都被要求补充不同材料。",
            "尽快办结业务", "一次性告知所需材料"),
        "其他服务问题" => ("客户反映营业厅没有老年人引导服务，高龄老人排队近一小时无人协助。",
            "改进营业厅服务", "为老年客户提供引导和优先办理"),
        "设备噪音" => ("客户反映住宅附近变压器运行噪音大，夜间尤为明显，影响休息。",
            "排查噪音原因并处理", "噪音降低到正常水平"),
        _ => ("客户反映小区内一根电线杆明显倾斜，多次反映无人处理，担心倒塌伤人。",
            "尽快排查并消除安全隐患", "扶正或更换电杆并告知结果"),
    };
}
