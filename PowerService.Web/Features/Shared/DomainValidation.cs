using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using PowerService.Domain.Text;

namespace PowerService.Web.Features.Shared;

/// <summary>
/// Puts the domain's field errors into the surrounding EditForm, so each message appears under the
/// field where the value was typed (MudBlazor inputs show EditContext messages for their <c>For</c>).
/// The rules live in the domain only; this component just carries their verdict to the form.
/// Errors that belong to no field are returned for the page to show above the buttons.
/// </summary>
public sealed class DomainValidation : ComponentBase, IDisposable
{
    private ValidationMessageStore? _store;

    [CascadingParameter] private EditContext? EditContext { get; set; }

    protected override void OnInitialized()
    {
        if (EditContext is null) throw new InvalidOperationException($"{nameof(DomainValidation)} must sit inside an EditForm.");
        _store = new ValidationMessageStore(EditContext);
        EditContext.OnFieldChanged += ClearField;
    }

    /// <summary>Shows <paramref name="errors"/> at their fields of <paramref name="model"/>; returns those with no such field.</summary>
    public IReadOnlyList<string> Show(IEnumerable<FieldError> errors, object model)
    {
        _store!.Clear();
        var general = new List<string>();
        foreach (var error in errors)
        {
            if (error.Field.Length > 0 && model.GetType().GetProperty(error.Field) is not null)
                _store.Add(new FieldIdentifier(model, error.Field), error.Message);
            else
                general.Add(error.Message);
        }
        EditContext!.NotifyValidationStateChanged();
        return general;
    }

    public void Clear()
    {
        _store?.Clear();
        EditContext?.NotifyValidationStateChanged();
    }

    private void ClearField(object? sender, FieldChangedEventArgs e)
    {
        _store?.Clear(e.FieldIdentifier);
        EditContext?.NotifyValidationStateChanged();
    }

    public void Dispose()
    {
        if (EditContext is not null) EditContext.OnFieldChanged -= ClearField;
    }
}
