using PowerService.Domain.Text;

namespace PowerService.Domain.Complaints.Steps;

/// <summary>Data a step of the loop carries, with the rules it must meet (they become the trigger's guards).</summary>
public interface IStepData<TSelf> where TSelf : IStepData<TSelf>
{
    static abstract IReadOnlyList<FieldRule<TSelf>> Rules { get; }
}
