using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;
using PowerService.Web.Components;
using PowerService.Web.Data;
using PowerService.Web.Features;
using PowerService.Web.Features.Shared;
using PowerService.Web.Features.Sla;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPowerServiceDatabase(builder.Configuration).AddDatabasePreparation();

builder.Services.AddIdentity<ApplicationUser, IdentityRole>(options =>
    {
        options.Password.RequiredLength = 8;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.User.RequireUniqueEmail = false;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    .AddClaimsPrincipalFactory<StaffClaimsFactory>();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/account/login";
    options.AccessDeniedPath = "/account/denied";
    options.Cookie.Name = "PowerService.Auth";
    options.ExpireTimeSpan = TimeSpan.FromHours(10);
    options.SlidingExpiration = true;
});
// Nothing is reachable without sign-in unless it says [AllowAnonymous].
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddCascadingAuthenticationState();

builder.Services.AddScoped<CurrentStaff>();
builder.Services.AddPowerServiceFeatures(builder.Configuration);
if (builder.Configuration.GetValue("Sla:Watch", true)) builder.Services.AddHostedService<SlaWatcher>();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
// An issued document, byte for byte as it was issued (staff who see live complaints only).
app.MapGet("/documents/{id:long}", async (long id, PowerService.Web.Features.Documents.DocumentService documents) =>
    await documents.FileAsync(id) is { } file
        ? Results.File(file.Content, "application/pdf", $"{file.Number}-{file.Kind}-v{file.Version}.pdf")
        : Results.NotFound())
    .RequireAuthorization(policy => policy.RequireRole(PowerService.Web.Features.Complaints.ComplaintDisplay.LiveRoles.Split(',')));
app.MapPost("/account/logout", async (SignInManager<ApplicationUser> signIn) =>
{
    await signIn.SignOutAsync();
    return Results.LocalRedirect("/account/login");
});

app.Run();

/// <summary>Visible to the test host.</summary>
public partial class Program;
