using PowerService.Domain.Complaints;
using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Privacy;
using PowerService.Domain.Staff;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Domain.Evidence;

/// <summary>Attaching and removing evidence: timeline entries with who, what and the SHA-256; who may; the original kept.</summary>
public class ComplaintEvidenceTests
{
    private static readonly Actor Colleague = new("u-colleague", "张伟");
    private static readonly Actor Stranger = new("u-stranger", "周杰");

    private static StepContext By(Actor person, Workplace workplace, params StaffRole[] roles) =>
        new(person, roles, Start.AddHours(30), null, Schedule, workplace);

    [Fact]
    public void Attaching_numbers_the_file_and_records_who_what_and_its_hash_on_the_timeline()
    {
        var c = In(Stage.Investigate);
        var photo = EvidenceBuilder.Photo();

        Ok(c, c.AttachEvidence(photo, By(Handler, CityStation, StaffRole.Handler)));
        Ok(c, c.AttachEvidence(EvidenceBuilder.Upload("通话录音.mp3", EvidenceBuilder.Mp3Frames()), By(Agent, ServiceCentre, StaffRole.IntakeAgent)));

        Assert.Equal([1, 2], c.Evidence.Select(e => e.Sequence));
        var first = c.Evidence[0];
        Assert.Equal(("现场照片.jpg", PowerService.Domain.Evidence.EvidenceKind.Image, "image/jpeg", photo.Size, photo.Sha256, Handler, Start.AddHours(30)),
            (first.FileName, first.Kind, first.ContentType, first.Size, first.Sha256, first.UploadedBy, first.UploadedAt));
        var entry = c.Timeline[^2];
        Assert.Equal((LoopTrigger.AttachEvidence, "李强", Stage.Investigate, Stage.Investigate), (entry.Trigger!.Value, entry.ActorName, entry.FromStage!.Value, entry.ToStage));
        Assert.Equal($"上传证据 #1《现场照片.jpg》（JPEG 图片，2 KB），SHA-256 {photo.Sha256}", entry.Summary);
        Assert.Equal("上传证据", entry.ActionLabel);
        Assert.Null(c.FirstTamperedEvent);
    }

    [Theory]
    [InlineData(Stage.Closed)]
    [InlineData(Stage.Withdrawn)]
    [InlineData(Stage.Merged)]
    public void Evidence_is_attached_after_the_loop_has_ended_too(Stage stage)
    {
        var c = In(stage);

        Ok(c, c.AttachEvidence(EvidenceBuilder.Photo(), By(Agent, ServiceCentre, StaffRole.IntakeAgent)));

        Assert.Equal(stage, c.Stage);
        Assert.Single(c.CurrentEvidence);
    }

    [Fact]
    public void The_same_content_twice_is_refused_naming_the_earlier_attachment_until_that_one_is_removed()
    {
        var c = In(Stage.Investigate);
        Ok(c, c.AttachEvidence(EvidenceBuilder.Photo(), Ctx(c, 2)));

        var again = c.AttachEvidence(EvidenceBuilder.Upload("副本.jpg", EvidenceBuilder.Jpeg()), Ctx(c, 3));

        Assert.Equal("内容相同的文件已作为证据 #1《现场照片.jpg》上传", Assert.Single(again.Reasons));
        Ok(c, c.RemoveEvidence(new EvidenceRemoval(1, "照片拍错了角度"), Ctx(c, 4)));
        Ok(c, c.AttachEvidence(EvidenceBuilder.Upload("副本.jpg", EvidenceBuilder.Jpeg()), Ctx(c, 5)));
        Assert.Equal([2], c.CurrentEvidence.Select(e => e.Sequence));
    }

    [Fact]
    public void Removing_keeps_the_record_and_says_who_why_and_the_hash_on_the_timeline()
    {
        var c = In(Stage.Resolve);
        var photo = EvidenceBuilder.Photo();
        Ok(c, c.AttachEvidence(photo, By(Handler, CityStation, StaffRole.Handler)));

        Ok(c, c.RemoveEvidence(new EvidenceRemoval(1, "误传了其他客户的照片。"), By(Handler, CityStation, StaffRole.Handler)));

        var item = Assert.Single(c.Evidence);
        Assert.True(item.IsRemoved);
        Assert.Equal(("u-handler", "李强", "误传了其他客户的照片。", photo.Sha256), (item.RemovedById, item.RemovedByName, item.RemovalReason, item.Sha256));
        Assert.Empty(c.CurrentEvidence);
        Assert.Equal((LoopTrigger.RemoveEvidence, $"移除证据 #1《现场照片.jpg》：误传了其他客户的照片；原件保留，SHA-256 {photo.Sha256}"),
            (c.Timeline[^1].Trigger!.Value, c.Timeline[^1].Summary));
    }

    [Fact]
    public void Only_the_uploader_or_a_manager_removes_an_attachment()
    {
        var c = In(Stage.Investigate);
        Ok(c, c.AttachEvidence(EvidenceBuilder.Photo(), By(Handler, CityStation, StaffRole.Handler)));
        Ok(c, c.AttachEvidence(EvidenceBuilder.Photo(2), By(Handler, CityStation, StaffRole.Handler)));

        var byFirstResponder = c.RemoveEvidence(new EvidenceRemoval(1, "不是本案材料"), By(Agent, ServiceCentre, StaffRole.IntakeAgent));
        var byColleague = c.RemoveEvidence(new EvidenceRemoval(1, "不是本案材料"), By(Colleague, CityStation, StaffRole.Handler));

        Assert.Equal("证据只能由上传人或管理人员移除", Assert.Single(byFirstResponder.Reasons));
        Assert.Equal("证据只能由上传人或管理人员移除", Assert.Single(byColleague.Reasons));
        Ok(c, c.RemoveEvidence(new EvidenceRemoval(1, "不是本案材料"), By(Manager, ServiceCentre, StaffRole.Manager)));
        Assert.Equal("赵敏", c.Evidence[0].RemovedByName);
    }

    [Fact]
    public void A_second_removal_says_who_removed_it_and_when()
    {
        var c = In(Stage.Investigate);
        Ok(c, c.AttachEvidence(EvidenceBuilder.Photo(), By(Handler, CityStation, StaffRole.Handler)));
        Ok(c, c.RemoveEvidence(new EvidenceRemoval(1, "照片模糊重拍"), By(Handler, CityStation, StaffRole.Handler)));

        var again = c.RemoveEvidence(new EvidenceRemoval(1, "照片模糊重拍"), By(Manager, ServiceCentre, StaffRole.Manager));

        Assert.Equal("证据 #1 已于 2026-11-24 15:30 由李强移除", Assert.Single(again.Reasons));
    }

    [Theory]
    [InlineData(null, "Reason", "请填写移除原因（至少 4 个字）")]
    [InlineData("错了", "Reason", "请填写移除原因（至少 4 个字）")]
    public void A_removal_needs_a_reason(string? reason, string field, string message)
    {
        var c = In(Stage.Investigate);
        Ok(c, c.AttachEvidence(EvidenceBuilder.Photo(), Ctx(c, 2)));

        var refused = c.RemoveEvidence(new EvidenceRemoval(1, reason), Ctx(c, 3));

        Assert.Contains(new PowerService.Domain.Text.FieldError(field, message), refused.Errors);
        Assert.False(c.Evidence[0].IsRemoved);
    }

    [Fact]
    public void Removing_an_attachment_that_does_not_exist_is_refused()
    {
        var c = In(Stage.Investigate);

        Assert.Equal("未找到该证据，请刷新页面后重试", Assert.Single(c.RemoveEvidence(new EvidenceRemoval(3, "不是本案材料"), Ctx(c, 3)).Reasons));
    }

    [Fact]
    public void Who_attaches_follows_role_and_relation()
    {
        var c = In(Stage.Investigate); // 王芳 took it, 李强 of 城区供电所 handles it

        Assert.True(c.AttachEvidence(EvidenceBuilder.Photo(1), By(Colleague, CityStation, StaffRole.Handler)).Succeeded); // the department's colleague
        Assert.StartsWith("“上传证据”只能由", Assert.Single(c.AttachEvidence(EvidenceBuilder.Photo(2), By(Stranger, new Workplace("运维检修部"), StaffRole.Handler)).Reasons));
        Assert.Equal("您的角色无权执行“上传证据”", Assert.Single(c.AttachEvidence(EvidenceBuilder.Photo(3), By(new("u-trainer", "陈静"), new Workplace("培训中心"), StaffRole.Trainer)).Reasons));
        Assert.Equal("您的角色无权执行“上传证据”", Assert.Single(c.AttachEvidence(EvidenceBuilder.Photo(4), By(new("u-auditor", "郑凯"), new Workplace("法律合规部"), StaffRole.Auditor)).Reasons));
        Assert.Single(c.Evidence);
    }

    [Fact]
    public void A_masked_copy_masks_the_customers_name_in_file_names_and_reasons()
    {
        var c = In(Stage.Investigate);
        Ok(c, c.AttachEvidence(EvidenceBuilder.Upload("张建国家电表.jpg", EvidenceBuilder.Jpeg()), Ctx(c, 2)));
        Ok(c, c.RemoveEvidence(new EvidenceRemoval(1, "张建国要求撤回照片"), Ctx(c, 3)));

        var shown = PrivacyPolicy.Masked.Shown(c);

        Assert.DoesNotContain("张建国", shown.Evidence[0].FileName);
        Assert.DoesNotContain("张建国", shown.Evidence[0].RemovalReason);
        Assert.Equal("张建国家电表.jpg", c.Evidence[0].FileName);
    }
}
