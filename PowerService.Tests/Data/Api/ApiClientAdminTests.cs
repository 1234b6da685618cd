using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PowerService.Domain.Complaints;
using PowerService.Tests.Support;
using PowerService.Web.Features.Api;

namespace PowerService.Tests.Data.Api;

/// <summary>API clients as an admin keeps them: keys stored only as hashes, every change audited, two admins' changes told apart.</summary>
public abstract class ApiClientAdminTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private ApiClientAdmin Admin => _db.Services.GetRequiredService<ApiClientAdmin>();
    private ApiClientDirectory Directory => _db.Services.GetRequiredService<ApiClientDirectory>();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ApiClientForm Form(string name = "12398 转办平台") =>
        new(name, [Channel.Regulator12398], [ApiScopes.WriteWorkOrders, ApiScopes.ReadWorkOrders], "客户服务中心", 600);

    [Fact]
    public async Task A_new_client_gets_a_key_that_is_shown_once_and_stored_only_as_its_hash()
    {
        var (result, issued) = await Admin.CreateAsync(Form(), await _db.StaffAsync("admin"), Ct);

        Assert.True(result.Succeeded);
        Assert.Matches("^psk_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$", issued!.Key);
        await using var db = _db.NewContext();
        var stored = await db.ApiClients.SingleAsync(Ct);
        Assert.Equal((issued.Key[..12], ApiKeys.Hash(issued.Key)), (stored.KeyPrefix, stored.KeyHash));
        var row = await db.Database.SqlQueryRaw<string>("SELECT \"KeyHash\" || \"KeyPrefix\" || \"Name\" AS \"Value\" FROM \"ApiClients\"").SingleAsync(Ct);
        Assert.DoesNotContain(issued.Key[13..], row); // the secret part is nowhere in the row
        Assert.Equal("12398 转办平台", (await Directory.FindAsync(issued.Key, Ct))?.Name);
        Assert.Null(await Directory.FindAsync(issued.Key[..^1] + (issued.Key[^1] == 'A' ? 'B' : 'A'), Ct));
        var audit = await db.AdminAuditEvents.SingleAsync(Ct);
        Assert.Equal((ApiClientAdmin.Action, "12398 转办平台"), (audit.Action, audit.TargetUserName));
        Assert.StartsWith($"新建，密钥 {issued.Key[..12]}…", audit.Detail);
    }

    [Fact]
    public async Task A_client_that_cannot_be_made_is_refused_at_its_fields()
    {
        var admin = await _db.StaffAsync("admin");
        var (refused, none) = await Admin.CreateAsync(new ApiClientForm(" ", [], [], "不存在的部门", 0), admin, Ct);
        Assert.Null(none);
        Assert.Equal(["Name", "Channels", "Scopes", "Department", "RequestsPerMinute"], refused.Errors.Select(e => e.Field));
        Assert.Equal("请选择承办部门", new ApiClientForm("x", [Channel.App], [ApiScopes.ReadWorkOrders], null, 1).Check(["客户服务中心"]).Single().Message);

        Assert.True((await Admin.CreateAsync(Form(), admin, Ct)).Result.Succeeded);
        Assert.Equal("已有名为“12398 转办平台”的客户端（含已吊销的）", (await Admin.CreateAsync(Form(), admin, Ct)).Result.Errors.Single().Message);
        Assert.Equal("只有系统管理员可以管理接口客户端", (await Admin.CreateAsync(Form("x"), await _db.StaffAsync("manager"), Ct)).Result.Reasons.Single());
    }

    [Fact]
    public async Task Two_admins_acting_on_one_client_at_once_do_not_both_succeed()
    {
        var admin = await _db.StaffAsync("admin");
        var (_, issued) = await Admin.CreateAsync(Form(), admin, Ct);
        var id = issued!.ClientId;

        // Both saw revision 1: one revokes, the other reissues the key / edits the client.
        var results = await Task.WhenAll(
            Admin.RevokeAsync(id, 1, admin, Ct),
            Admin.ReissueKeyAsync(id, 1, admin, Ct).ContinueWith(t => t.Result.Result, Ct),
            Admin.UpdateAsync(id, 1, Form() with { RequestsPerMinute = 60 }, admin, Ct));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("该客户端已被吊销或刚被其他管理员修改，您的操作未执行，请刷新后重试", r.Reasons.Single()));
        await using var db = _db.NewContext();
        Assert.Equal(2, await db.AdminAuditEvents.CountAsync(Ct)); // the creation and the one change that happened
    }

    [Fact]
    public async Task A_revoked_client_stays_listed_and_its_key_finds_no_one()
    {
        var admin = await _db.StaffAsync("admin");
        var (_, issued) = await Admin.CreateAsync(Form(), admin, Ct);
        Assert.NotNull(await Directory.FindAsync(issued!.Key, Ct));

        Assert.True((await Admin.RevokeAsync(issued.ClientId, 1, admin, Ct)).Succeeded);

        Assert.Null(await Directory.FindAsync(issued.Key, Ct));
        Assert.Null(await Directory.FindAsync(issued.ClientId, Ct));
        var listed = Assert.Single(await Admin.ClientsAsync(Ct));
        Assert.Equal(("系统管理员", false), (listed.Client.RevokedBy, listed.Client.IsActive));
        Assert.Equal("该客户端已被吊销或刚被其他管理员修改，您的操作未执行，请刷新后重试",
            (await Admin.ReissueKeyAsync(issued.ClientId, 2, admin, Ct)).Result.Reasons.Single());
    }

    [Fact]
    public async Task Another_instance_stops_honouring_a_revoked_key_within_the_directorys_age()
    {
        var admin = await _db.StaffAsync("admin");
        var (_, issued) = await Admin.CreateAsync(Form(), admin, Ct);
        await using var other = _db.OpenAnotherInstance();
        var elsewhere = other.GetRequiredService<ApiClientDirectory>();
        Assert.NotNull(await elsewhere.FindAsync(issued!.Key, Ct));

        await Admin.RevokeAsync(issued.ClientId, 1, admin, Ct);
        _db.Time.Advance(ApiClientDirectory.MaxAge);

        Assert.Null(await elsewhere.FindAsync(issued.Key, Ct));
    }
}

public sealed class ApiClientAdminTestsOnSqlite() : ApiClientAdminTests(DatabaseProvider.Sqlite);

public sealed class ApiClientAdminTestsOnPostgres() : ApiClientAdminTests(DatabaseProvider.Postgres);
