using System.Security.Claims;
using PowerService.Web.Features.Shared;

namespace PowerService.Web.Features.Account;

/// <summary>
/// Someone signed in with an admin's one-time password goes nowhere but the change-password page
/// (and sign-out). Page loads are redirected here; inside a live circuit the layout shows only the
/// request to change it (<see cref="Requires"/>).
/// </summary>
public static class MustChangePassword
{
    public const string Path = "/account/password";

    public static bool Requires(ClaimsPrincipal user) => user.HasClaim(c => c.Type == StaffUser.MustChangePasswordClaim);

    public static IApplicationBuilder UseMustChangePassword(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (Requires(context.User) && HttpMethods.IsGet(context.Request.Method)
            && !path.StartsWithSegments(Path) && !path.StartsWithSegments("/account/logout")
            && !path.StartsWithSegments("/_framework") && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/_blazor")
            && !System.IO.Path.HasExtension(path.Value))
        {
            context.Response.Redirect(Path);
            return;
        }
        await next();
    });
}
