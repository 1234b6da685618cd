using Microsoft.Extensions.Time.Testing;
using PowerService.Web.Features.Account;
using static PowerService.Tests.Domain.Complaints.ComplaintBuilder;

namespace PowerService.Tests.Features.Account;

/// <summary>Failed sign-ins slow the one who fails; nobody can lock a colleague out.</summary>
public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new(Start);
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(_time);

    private void Fail(string user, string address, int times)
    {
        for (var i = 0; i < times; i++) _throttle.Failed(user, address);
    }

    [Fact]
    public void Three_failures_are_free_then_each_further_one_doubles_the_wait()
    {
        Fail("handler", "10.0.0.1", 3);
        Assert.Equal(TimeSpan.FromSeconds(1), _throttle.WaitFor("handler", "10.0.0.1"));
        Fail("handler", "10.0.0.1", 2);
        Assert.Equal(TimeSpan.FromSeconds(4), _throttle.WaitFor("handler", "10.0.0.1"));

        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.Zero, _throttle.WaitFor("handler", "10.0.0.1"));
    }

    [Fact]
    public void The_wait_never_exceeds_five_minutes()
    {
        Fail("handler", "10.0.0.1", 40);

        Assert.Equal(SignInThrottle.MaxWait, _throttle.WaitFor("handler", "10.0.0.1"));
    }

    [Fact]
    public void A_strangers_failures_do_not_slow_the_owner_at_another_address()
    {
        Fail("handler", "10.6.6.6", 9);

        Assert.True(_throttle.WaitFor("handler", "10.6.6.6") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, _throttle.WaitFor("handler", "10.0.0.1"));
    }

    [Fact]
    public void Endless_guessing_from_everywhere_never_keeps_the_owner_out()
    {
        _throttle.Succeeded("handler", "10.0.0.1"); // the owner's usual desk
        for (var i = 0; i < 200; i++) _throttle.Failed("handler", $"10.9.{i / 250}.{i % 250}");

        Assert.Equal(TimeSpan.Zero, _throttle.WaitFor("handler", "10.0.0.1"));
        Assert.Equal(SignInThrottle.MaxAccountWait, _throttle.WaitFor("handler", "10.0.0.77")); // a new desk waits a minute at most
    }

    [Fact]
    public void Guessing_one_account_from_many_addresses_is_slowed_too()
    {
        for (var i = 0; i < 12; i++) _throttle.Failed("handler", $"10.0.0.{i}");

        Assert.Equal(TimeSpan.FromSeconds(4), _throttle.WaitFor("handler", "10.0.0.200"));
    }

    [Fact]
    public void An_account_that_does_not_exist_is_treated_exactly_like_one_that_does()
    {
        Fail("handler", "10.0.0.1", 5);
        Fail("nobody-here", "10.0.0.1", 5);

        Assert.Equal(_throttle.WaitFor("handler", "10.0.0.1"), _throttle.WaitFor("nobody-here", "10.0.0.1"));
    }

    [Fact]
    public void A_correct_password_clears_the_count_and_old_failures_are_forgotten()
    {
        Fail("handler", "10.0.0.1", 3);
        _throttle.Succeeded("handler", "10.0.0.1");
        Assert.Equal(TimeSpan.Zero, _throttle.WaitFor("handler", "10.0.0.1"));

        Fail("handler2", "10.0.0.1", 6);
        _time.Advance(SignInThrottle.Memory + TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, _throttle.WaitFor("handler2", "10.0.0.1"));
    }
}
