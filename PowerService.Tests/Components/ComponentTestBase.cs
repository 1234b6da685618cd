using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PowerService.Tests.Support;
using PowerService.Web.Data;
using PowerService.Web.Features.Complaints;
using PowerService.Web.Features.Shared;
using PowerService.Web.Features.Sla;

namespace PowerService.Tests.Components;

/// <summary>
/// One bUnit context per test with MudBlazor, the real ComplaintService over a SQLite file, and a
/// signed-in demo account. Rendering is interactive, as in the browser once the circuit is up.
/// </summary>
public abstract class ComponentTestBase : BunitContext, IAsyncLifetime
{
    private BunitAuthorizationContext _auth = null!;

    protected TestDatabase Db { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLogging();
        Services.AddSingleton<TimeProvider>(Db.Time);
        Services.AddSingleton(Db.Services.GetRequiredService<IDbContextFactory<AppDbContext>>());
        Services.AddSingleton(Db.Services.GetRequiredService<WriteGate>());
        Services.AddSingleton(Db.Services.GetRequiredService<PowerService.Web.Features.Wording.WordingService>());
        Services.AddScoped<ComplaintService>();
        Services.AddScoped<PowerService.Web.Features.Privacy.PiiAccessLog>();
        Services.AddSingleton(Db.Services.GetRequiredService<SlaSchedules>());
        Services.AddSingleton(Db.Services.GetRequiredService<PowerService.Web.Features.Integrity.IntegrityAlarm>());
        Services.AddScoped<SlaAdminService>();
        Services.AddSingleton<AlertSignal>();
        Services.AddScoped<NotificationService>();
        Services.AddScoped<CurrentStaff>();
        Services.AddSingleton(Db.Services.GetRequiredService<PowerService.Web.Features.Reports.ArchiveService>()); // the 报表 menu's badge
        Services.AddSingleton(Db.Services.GetRequiredService<PowerService.Web.Features.Documents.DocumentRenderer>());
        Services.AddScoped<PowerService.Web.Features.Cases.CaseService>(); // the 案例库 menu's badge
        Services.AddSingleton(Db.Services.GetRequiredService<PowerService.Web.Features.Evidence.EvidenceStores>()); // the complaint page's 证据材料
        Services.AddScoped<PowerService.Web.Features.Evidence.EvidenceService>();
        _auth = AddAuthorization();
        AddServices();
        SetRendererInfo(new RendererInfo("Server", true));
    }

    /// <summary>Services a test class needs beyond the common ones (registered before anything is rendered).</summary>
    protected virtual void AddServices() { }

    protected async Task<StaffUser> SignInAsAsync(string userName)
    {
        var staff = await Db.StaffAsync(userName);
        _auth.SetAuthorized(userName);
        _auth.SetRoles(staff.Roles.Select(r => r.ToString()).ToArray());
        // Claims last: the cascading state AuthorizeView reads keeps only what the last call set.
        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, staff.Actor.UserId),
            new(StaffUser.DisplayNameClaim, staff.Actor.DisplayName),
            new(StaffUser.DepartmentClaim, staff.Department),
            .. staff.CompanyLevel ? [new Claim(StaffUser.CompanyLevelClaim, "1")] : Array.Empty<Claim>(),
        ];
        _auth.SetClaims(claims);
        return staff;
    }

    /// <summary>Renders a component below the popover provider its selects and pickers need.</summary>
    protected IRenderedComponent<TComponent> RenderWithProviders<TComponent>(params (string Name, object? Value)[] parameters)
        where TComponent : IComponent
    {
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<TComponent>(1);
            foreach (var (name, value) in parameters) builder.AddAttribute(2, name, value);
            builder.CloseComponent();
        });
        return host.FindComponent<TComponent>();
    }

    /// <summary>The error MudBlazor shows under the input with this test id ("" when none), without its character counter.</summary>
    protected static string FieldMessage<T>(IRenderedComponent<T> cut, string testId) where T : IComponent
    {
        var control = cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!;
        return control.QuerySelector(".mud-input-helper-text.mud-input-error .me-auto")?.TextContent.Trim() ?? "";
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await Db.DisposeAsync();
    }
}
