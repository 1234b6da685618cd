using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using PowerService.Web.Components;
using PowerService.Web.Data;
using PowerService.Web.Features;
using PowerService.Web.Features.Account;
using PowerService.Web.Features.Api;
using Scalar.AspNetCore;
using PowerService.Web.Features.Shared;
using PowerService.Web.Features.Sla;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPowerServiceDatabase(builder.Configuration).AddDatabasePreparation();

builder.Services.AddIdentity<ApplicationUser, IdentityRole>()
    .AddEntityFrameworkStores<AppDbContext>()
    .AddStaffPolicies()
    .AddSignInManager<StaffSignInManager>()
    .AddClaimsPrincipalFactory<StaffClaimsFactory>();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/login";
    options.AccessDeniedPath = "/account/denied";
    options.Cookie.Name = "PowerService.Auth";
    options.ExpireTimeSpan = TimeSpan.FromHours(10);
    options.SlidingExpiration = true;
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
});
// Every request re-reads the account's security stamp, so a cookie saved before a sign-out, a
// password reset, a role change or a disabled account stops working at once (one indexed lookup).
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
builder.Services.Configure<SignInSessionOptions>(builder.Configuration.GetSection("Session"));
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, StaffAuthenticationState>();
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    // Per address: enough for a person who mistypes, far too few for a password list.
    options.AddPolicy(SignInRateLimit.Policy, SignInRateLimit.Partition);
    // Per API client, at the rate its admin set.
    options.AddPolicy(ApiRateLimit.Policy, ApiRateLimit.Partition);
    options.OnRejected = (rejected, ct) => rejected.HttpContext.Request.Path.StartsWithSegments(WorkOrderApi.Base)
        ? new ValueTask(ApiRateLimit.RejectAsync(rejected, ct))
        : SignInRateLimit.RejectAsync(rejected, ct);
});
// Nothing is reachable without sign-in unless it says [AllowAnonymous].
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddCascadingAuthenticationState();

builder.Services.AddScoped<CurrentStaff>();
builder.Services.AddPowerServiceFeatures(builder.Configuration);
builder.Services.AddWorkOrderApi();
if (builder.Configuration.GetValue("Sla:Watch", true)) builder.Services.AddHostedService<SlaWatcher>();
builder.Services.AddHostedService<PowerService.Web.Features.Reports.MeasureBackfillJob>();
if (builder.Configuration.GetValue("Reports:MonthlyArchive", true)) builder.Services.AddHostedService<PowerService.Web.Features.Reports.MonthlyArchiveJob>();
if (builder.Configuration.GetValue("Retention:Enabled", true)) builder.Services.AddHostedService<PowerService.Web.Features.Retention.RetentionJob>();
if (builder.Configuration.GetValue("Sampling:Draw", true)) builder.Services.AddHostedService<PowerService.Web.Features.Sampling.SamplingJob>();
builder.Services.AddHostedService<PowerService.Web.Features.WorkOrders.Import.ImportFileSweeper>();

var app = builder.Build();

if (args is [PowerService.Web.Features.Users.AdminBootstrap.Command, ..])
{
    Environment.ExitCode = await PowerService.Web.Features.Users.AdminBootstrap.RunAsync(app.Services, app.Configuration, args, Console.In, Console.Out);
    return;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseApiCallLog();

app.UseAuthentication();
app.UseMustChangePassword();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
// The work-order API for upstream systems, its OpenAPI document and the browsable reference (admins only).
app.MapWorkOrderApi();
app.MapOpenApi(ApiSetup.DocumentPath).RequireAuthorization(policy => policy.RequireRole(nameof(PowerService.Domain.Staff.StaffRole.Admin)));
app.MapScalarApiReference(ApiSetup.ReferencePath, options => options
        .WithTitle("PowerService 工单接口")
        .WithNonce() // its inline scripts run under this response's Content-Security-Policy (SecurityHeaders)
        .DisableDefaultFonts() // no fonts from Scalar's CDN: the page loads nothing from outside this site
        // Nothing of the document leaves the site: no AI chat, telemetry, MCP or hosted-tools toolbar.
        .DisableAgent().DisableTelemetry().DisableMcp().HideDeveloperTools()
        .WithLocalization(new ScalarLocalizationOptions { Locale = "zh-CN" })
        .WithOpenApiRoutePattern(ApiSetup.DocumentPath))
    .RequireAuthorization(policy => policy.RequireRole(nameof(PowerService.Domain.Staff.StaffRole.Admin)));
// An issued document, byte for byte as it was issued (staff who see live complaints only).
// The bytes are checked against the SHA-256 recorded at issue on every download; a mismatch is refused and logged.
// Each download is on the personal-information access log before any byte leaves.
app.MapGet("/documents/{id:long}", async (long id, HttpContext context, PowerService.Web.Features.Documents.DocumentService documents) =>
    await documents.DownloadAsync(id, PowerService.Web.Features.Shared.StaffUser.From(context.User)) switch
    {
        ({ AnonymisedAt: not null }, _, _) => Results.Text("该文书已按保留期限匿名化：原件已销毁，仅保留签发记录和 SHA-256 校验值。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status410Gone),
        ({ } file, _, _) => Results.File(file.Content, "application/pdf", $"{file.Number}-{file.Kind}-v{file.Version}.pdf"),
        (null, { }, _) => Results.Text("该文书的内容与签发时记录的校验值不符，可能已被篡改，已停止下载并记录。请联系系统管理员。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict),
        (null, null, { } notRecorded) => Results.Text(notRecorded, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable),
        _ => Results.NotFound(),
    })
    .RequireAuthorization(policy => policy.RequireRole(PowerService.Web.Features.Complaints.ComplaintDisplay.DocumentRoles.Split(',')));
// An evidence file of a complaint: for roles that see customer data, within the complaint's scope (removed ones for managers only),
// checked against the SHA-256 recorded at upload, and on the personal-information access log before any byte leaves.
// ?inline=true shows an image in the page (thumbnail and preview); everything else is downloaded under its file name.
app.MapGet("/complaints/{Number}/evidence/{Sequence:int}", async (string number, int sequence, bool? inline, HttpContext context, PowerService.Web.Features.Evidence.EvidenceService evidence) =>
    await evidence.OpenAsync(number, sequence, PowerService.Web.Features.Shared.StaffUser.From(context.User), inline == true) switch
    {
        { File: { } file } => Results.File(file.Content, file.ContentType, inline == true ? null : file.FileName),
        var refused => Results.Text(refused.Message, "text/plain; charset=utf-8", statusCode: refused.Status),
    })
    .RequireAuthorization(policy => policy.RequireRole(PowerService.Web.Features.Complaints.ComplaintDisplay.DocumentRoles.Split(',')));
// A finished report export, fetched once by the manager who made it (the export was logged when it ended).
app.MapGet("/reports/exports/{id:guid}", (Guid id, HttpContext context, PowerService.Web.Features.Reports.ExportJobs jobs) =>
    jobs.Take(id, PowerService.Web.Features.Shared.StaffUser.From(context.User)) is { } file
        ? Results.File(file.Content, file.ContentType, file.FileName)
        : Results.Text("该导出文件不存在、已下载或已过期，请重新导出。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound))
    .RequireAuthorization(policy => policy.RequireRole(nameof(PowerService.Domain.Staff.StaffRole.Manager)));
// An archived monthly report, checked against its SHA-256 before any byte leaves, and logged.
app.MapGet("/reports/archive/{id:long}", async (long id, HttpContext context, PowerService.Web.Features.Reports.ArchiveService archive) =>
    await archive.DownloadAsync(id, PowerService.Web.Features.Shared.StaffUser.From(context.User)) switch
    {
        ({ } file, _) => Results.File(file.Content, PowerService.Web.Features.Reports.ExportJobs.ContentType(file.Format == "pdf" ? PowerService.Web.Features.Reports.ExportFormat.Pdf : PowerService.Web.Features.Reports.ExportFormat.Xlsx), file.FileName),
        (null, { } refusal) => Results.Text(refusal, "text/plain; charset=utf-8", statusCode: StatusCodes.Status409Conflict),
        _ => Results.NotFound(),
    })
    .RequireAuthorization(policy => policy.RequireRole(nameof(PowerService.Domain.Staff.StaffRole.Manager)));
// A training case as a PDF: the version asked for, or what the person may read of it (de-identified text only).
app.MapGet("/cases/{id:int}/pdf", async (int id, int? version, HttpContext context, PowerService.Web.Features.Cases.CaseService cases) =>
    await cases.PdfAsync(id, PowerService.Web.Features.Shared.StaffUser.From(context.User), version) is ({ } pdf, var name)
        ? Results.File(pdf, "application/pdf", name)
        : Results.NotFound())
    .RequireAuthorization();
// The rejected rows of a work-order import (with 错误原因), for its importer and for managers (admins see customers masked, so not this file).
app.MapGet("/workorders/import/{id:guid}/rejected", async (Guid id, HttpContext context, PowerService.Web.Features.WorkOrders.Import.ImportJobs jobs) =>
    await jobs.RejectedFileAsync(id, PowerService.Web.Features.Shared.StaffUser.From(context.User)) is { } file
        ? Results.File(file.Path, PowerService.Web.Features.Reports.ExportJobs.ContentType(PowerService.Web.Features.Reports.ExportFormat.Xlsx), file.FileName)
        : Results.Text("该导入没有未导入的行，或文件已过期。", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound))
    .RequireAuthorization(policy => policy.RequireRole(PowerService.Web.Features.WorkOrders.Import.ImportJobs.DownloadRoles.Split(',')));
// Signing out ends the account's sessions: the new security stamp invalidates saved cookies at once
// and open tabs at their next revalidation. The form's antiforgery token is required.
app.MapPost("/account/logout", async (HttpContext context, SignInManager<ApplicationUser> signIn, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
{
    if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("请求无效，请刷新页面后重新退出。");
    if (await signIn.UserManager.GetUserAsync(context.User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
    await signIn.SignOutAsync();
    return Results.LocalRedirect("/account/login");
}).DisableAntiforgery(); // validated above, so that a bad token is a clear answer rather than an exception

app.Run();

/// <summary>Visible to the test host.</summary>
public partial class Program;
