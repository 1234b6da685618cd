using PowerService.Domain.Documents;

namespace PowerService.Tests.Domain.Documents;

/// <summary>A document with a chart has a content text (its fingerprint's input) that holds the chart's numbers.</summary>
public class ChartContentTextTests
{
    [Fact]
    public void A_charts_title_categories_values_and_reference_lines_are_its_content_text()
    {
        var chart = new Chart("客户满意率", ChartKind.Line, ["2025-01", "2025-02"], [new("满意率", [0.912, null])], ChartValueFormat.Percent)
        {
            ReferenceLines = [new(0.85, "不合格线 85%")],
        };

        var text = ComplaintDocuments.ContentText(new DocumentSpec("月度报告", "客户服务中心", [chart]));

        Assert.Contains("[图表 Line Percent] 客户满意率\n2025-01 | 2025-02\n满意率：0.912 | —\n不合格线 85%：0.85", text);
    }
}
