using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PowerService.Web.Data;

namespace PowerService.Web.Features.Account;

/// <summary>How often live circuits re-check that their sign-in is still valid.</summary>
public sealed class SignInSessionOptions
{
    public TimeSpan RevalidateEvery { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// A live circuit keeps the identity it was opened with; this re-checks it every
/// <see cref="SignInSessionOptions.RevalidateEvery"/> against the account as stored: signed out elsewhere,
/// password reset, roles changed or account disabled all change the security stamp, and the open
/// tab loses access within that interval rather than working on until it is closed.
/// </summary>
public sealed class StaffAuthenticationState(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    IOptions<SignInSessionOptions> session)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => session.Value.RevalidateEvery;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await IsCurrentAsync(users, state.User, identity.Value);
    }

    /// <summary>True while the account exists, is neither disabled nor locked, and its security stamp is the one signed in with.</summary>
    public static async Task<bool> IsCurrentAsync(UserManager<ApplicationUser> users, ClaimsPrincipal principal, IdentityOptions options)
    {
        if (await users.GetUserAsync(principal) is not { } user) return false;
        if (user.IsDisabled || await users.IsLockedOutAsync(user)) return false;
        var stamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return stamp is not null && stamp == await users.GetSecurityStampAsync(user);
    }
}

/// <summary>Sign-in as Identity does it, except that a disabled account is never allowed (the page's answer stays the same as for a wrong password).</summary>
public sealed class StaffSignInManager(
    UserManager<ApplicationUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<ApplicationUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<ApplicationUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes, IUserConfirmation<ApplicationUser> confirmation)
    : SignInManager<ApplicationUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ApplicationUser user) => !user.IsDisabled && await base.CanSignInAsync(user);
}
