using PowerService.Domain.Complaints.Steps;
using PowerService.Domain.Evidence;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;

namespace PowerService.Domain.Complaints;

/// <summary>
/// The evidence chain (证据链, docs/domain.md §11): files attached at any stage, closed complaints
/// included (a recording found after closing still belongs to the record), each a timeline entry naming
/// the file and its SHA-256. Removing one is an entry too, with its reason; the file stays stored.
/// </summary>
public sealed partial class Complaint
{
    private List<EvidenceItem> _evidence = [];

    /// <summary>Every file ever attached, removed ones included, in order.</summary>
    public IReadOnlyList<EvidenceItem> Evidence => _evidence;

    /// <summary>The attachments not removed.</summary>
    public IEnumerable<EvidenceItem> CurrentEvidence => _evidence.Where(e => !e.IsRemoved);

    public StepResult AttachEvidence(EvidenceUpload upload, StepContext context)
    {
        var sequence = _evidence.Count == 0 ? 1 : _evidence.Max(e => e.Sequence) + 1;
        return Fire(LoopTrigger.AttachEvidence, upload, context,
            () => _evidence.Add(new EvidenceItem(sequence, upload, context.By, context.At.ToUniversalTime())),
            () => $"上传证据 #{sequence}《{upload.FileName}》（{upload.Format.Label}，{EvidenceLimits.Format(upload.Size)}），SHA-256 {upload.Sha256}");
    }

    /// <summary>Removes an attachment from the working view, by its uploader or a manager, with a reason; the original is kept.</summary>
    public StepResult RemoveEvidence(EvidenceRemoval removal, StepContext context)
    {
        var item = _evidence.FirstOrDefault(e => e.Sequence == removal.Sequence);
        return Fire(LoopTrigger.RemoveEvidence, removal, context,
            () => item!.Remove(context.By, context.At.ToUniversalTime(), removal.Reason!.Trim()),
            () => $"移除证据 #{item!.Sequence}《{item.FileName}》：{Shorten(removal.Reason)}；原件保留，SHA-256 {item.Sha256}");
    }

    private IEnumerable<Text.FieldRule<Submission<T>>> EvidenceRules<T>()
    {
        if (typeof(T) == typeof(EvidenceUpload))
        {
            yield return new("", _ => !IsAnonymised, "本投诉已按保留期限匿名化，不能再上传证据");
            yield return new("", _ => CurrentEvidence.Count() < EvidenceLimits.PerComplaint,
                $"每件投诉最多保留 {EvidenceLimits.PerComplaint} 份证据，请先移除不再需要的证据");
            // One rule per current attachment, so the message names the one the upload repeats.
            foreach (var same in CurrentEvidence.ToList())
                yield return new(nameof(EvidenceUpload.FileName), s => (s.Data as EvidenceUpload)?.Sha256 != same.Sha256,
                    $"内容相同的文件已作为证据 #{same.Sequence}《{same.FileName}》上传");
        }
        if (typeof(T) == typeof(EvidenceRemoval))
        {
            yield return new(nameof(EvidenceRemoval.Sequence), s => (s.Data as EvidenceRemoval)?.Sequence is not { } n || _evidence.Any(e => e.Sequence == n),
                "未找到该证据，请刷新页面后重试");
            foreach (var removed in _evidence.Where(e => e.IsRemoved).ToList())
                yield return new("", s => (s.Data as EvidenceRemoval)?.Sequence != removed.Sequence,
                    $"证据 #{removed.Sequence} 已于 {ChinaTime.Format(removed.RemovedAt!.Value)} 由{removed.RemovedByName}移除");
            yield return new("", s => s.Data is not EvidenceRemoval { Sequence: { } n } || _evidence.FirstOrDefault(e => e.Sequence == n) is not { } item
                    || item.UploadedBy.UserId == s.Context.By.UserId || s.Context.Roles.Contains(StaffRole.Manager),
                "证据只能由上传人或管理人员移除");
        }
    }
}
