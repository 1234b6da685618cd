namespace PowerService.Domain.Complaints;

public sealed partial class Complaint
{
    /// <summary>
    /// A copy to show, never to store or act on: <paramref name="customer"/> in place of the customer and
    /// every free text passed through <paramref name="text"/> (content, demands, findings, resolution,
    /// revisit opinions, improvement, reasons, timeline summaries and notes). Timeline entries keep their
    /// original seals, so the copy's record does not verify: check the original's.
    /// </summary>
    public Complaint MaskedCopy(Func<string, string> text, Customer customer)
    {
        string? Text(string? value) => value is null ? null : text(value);
        var copy = (Complaint)MemberwiseClone();
        copy._machine = null;
        copy._parameters = null;
        copy.Customer = customer;
        copy.Content = text(Content);
        copy.Demands = text(Demands);
        copy.ExpectedOutcome = text(ExpectedOutcome);
        copy.Investigation = Investigation is { } i
            ? i with { Facts = Text(i.Facts), Evidence = Text(i.Evidence), Cause = Text(i.Cause), Proposal = Text(i.Proposal) } : null;
        copy.Resolution = Resolution is { } r
            ? r with
            {
                Solution = Text(r.Solution), CustomerCommunication = Text(r.CustomerCommunication),
                Compensation = r.Compensation is { } comp ? comp with { Detail = Text(comp.Detail) } : null,
            } : null;
        copy._revisits = [.. _revisits.Select(v => v with { Record = v.Record with { CustomerOpinion = Text(v.Record.CustomerOpinion) } })];
        copy.Improvement = Improvement is { } plan
            ? plan with { RootCause = Text(plan.RootCause), Actions = [.. plan.Actions.Select(a => a with { Action = Text(a.Action) })] } : null;
        copy.ImprovementWaiverReason = Text(ImprovementWaiverReason);
        copy.EndReason = Text(EndReason);
        copy._documents = [.. _documents.Select(d => d with { Reason = Text(d.Reason) })];
        copy._timeline = [.. _timeline.Select(e => e.MaskedCopy(text))];
        copy._evidence = [.. _evidence.Select(e => e.MaskedCopy(text))];
        return copy;
    }
}
