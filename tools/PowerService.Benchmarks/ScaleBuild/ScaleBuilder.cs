using System.Diagnostics;
using System.Threading.Channels;
// Channel here is the producer–consumer pipe, not a complaint's intake channel.
using Channel = System.Threading.Channels.Channel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PowerService.Domain.Complaints;
using PowerService.Domain.Documents;
using PowerService.Domain.Sla;
using PowerService.Domain.Staff;
using PowerService.Domain.Time;
using PowerService.Web.Data;
using PowerService.Web.Features.Documents;
using PowerService.Web.Features.Sla;

namespace PowerService.Benchmarks.ScaleBuild;

/// <summary>
/// <c>bench.sh build</c>: a database of N complaints for issue 9, made by the app's own code —
/// its migrations and reference data, the demo generator (day by day since 2025-01-02) and the
/// deadline watcher's rules — then stored in batches with the app's EF mapping (see <see cref="BatchWriter"/>).
/// Generation runs on one thread and inserting on another, joined by a small bounded channel, so
/// the two cores share the work.
/// </summary>
internal static class ScaleBuilder
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var (options, error) = BuildOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(BuildOptions.Usage);
            return 2;
        }
        var now = options.Now ?? TimeProvider.System.GetUtcNow();
        var days = DayByDay.DaysUntil(now);
        if (days < 1)
        {
            Console.Error.WriteLine($"--now must be on or after {DayByDay.FirstDay:yyyy-MM-dd} (China time): the shipped calendars start in 2025.");
            return 2;
        }
        // Each complaint is numbered on the date it came in, and the busiest dates take several times the average.
        if (options.Count / days > ComplaintNumber.MaxPerDay / DayByDay.BusiestDayFactor)
        {
            Console.Error.WriteLine($"{options.Count:N0} complaints over {days} days is more than {ComplaintNumber.MaxPerDay / DayByDay.BusiestDayFactor} a day on average: " +
                $"the busiest dates take up to {DayByDay.BusiestDayFactor} times that, and complaint numbers allow {ComplaintNumber.MaxPerDay} per date.");
            return 2;
        }

        await using var target = BuildTarget.For(options);
        if (await target.HoldsTablesAsync())
        {
            if (!options.Force)
            {
                Console.Error.WriteLine($"{options.Target} already holds tables: refusing to build into it. Pass --force to drop it and build afresh.");
                return 1;
            }
            Console.WriteLine($"--force: dropping {options.Target}");
            await target.DropAsync();
        }
        await target.CreateIfMissingAsync();

        var total = Stopwatch.StartNew();
        var (services, configuration) = AppServices.Build(target.Settings);
        await using (services)
        {
            await services.PrepareDatabaseAsync(configuration);
            Console.WriteLine($"{options.Provider} {options.Target}: schema, reference data and demo accounts ready in {total.Elapsed.TotalSeconds:F1} s");
            Console.WriteLine($"generating {options.Count:N0} complaints over {days} days ({DayByDay.FirstDay:yyyy-MM-dd} to {now.ChinaDate():yyyy-MM-dd}, about {options.Count / days:N0} a day), batches of {options.BatchSize:N0}, {options.Writer} writer");

            var generator = await CreateGeneratorAsync(services, options.Seed, now);
            var writer = BatchWriter.For(target, options.Writer);
            var loading = Stopwatch.StartNew();
            var (generating, waiting) = await PipeAsync(generator.Generate(options.Count), writer, options);
            var loaded = loading.Elapsed;
            Console.WriteLine($"stored {writer.Complaints:N0} complaints in {loaded.TotalSeconds:F0} s ({writer.Complaints / loaded.TotalSeconds:N0}/s); " +
                $"generator thread busy {generating.TotalSeconds:F0} s, waited {waiting.TotalSeconds:F0} s for the inserts");

            var analyzing = Stopwatch.StartNew();
            await target.FinishAsync();
            Console.WriteLine($"ANALYZE: {analyzing.Elapsed.TotalSeconds:F1} s");
            await BuildSummary.PrintAsync(services.GetRequiredService<IDbContextFactory<AppDbContext>>(), options.Count);
        }
        await target.DisposeAsync();
        Console.WriteLine($"size: {await target.SizeAsync() / 1024.0 / 1024:N0} MiB; elapsed: {total.Elapsed:hh\\:mm\\:ss}");
        return 0;
    }

    /// <summary>The demo generator as the app's demo start-up sets it up, and the watcher's thresholds and schedules.</summary>
    private static async Task<DayByDay> CreateGeneratorAsync(IServiceProvider services, int seed, DateTimeOffset now)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var staff = await db.Users.ToDictionaryAsync(u => u.UserName!, u => new Actor(u.Id, u.DisplayName));
        var years = (await db.CalendarYears.AsNoTracking().ToListAsync()).Select(y => y.ToYear()).ToList();
        var schedule = new SlaSchedule(SlaPolicy.Default, new WorkingCalendar(years), BusinessHours.Default, ClockThresholds.Default);
        var documents = services.GetRequiredService<IOptions<DocumentOptions>>().Value;
        // No renderer: no PDFs, so a closing 12398 complaint waits at 总结改进 for its reply, as in a demo without fonts.
        var demo = new DemoComplaints(new Random(seed), now, staff, schedule, new DemoSeason(years.SelectMany(y => y.Days)), renderer: null,
            new DocumentSettings(documents.IssuingUnit, documents.RegulatorOffice));

        var schedules = services.GetRequiredService<SlaSchedules>();
        var byDepartment = new Dictionary<string, SlaSchedule>();
        foreach (var name in await db.Departments.Select(d => d.Name).ToListAsync())
            byDepartment[name] = await schedules.ForDepartmentAsync(name);
        // Only the generator thread asks; every demo department is loaded above, and an unknown one is
        // answered from the schedules' cache (the snapshot is loaded, so the call completes at once).
        SlaSchedule ScheduleOf(string department) => byDepartment.TryGetValue(department, out var known) ? known
            : byDepartment[department] = schedules.ForDepartmentAsync(department).GetAwaiter().GetResult();
        return new DayByDay(demo, now, schedules.Thresholds, ScheduleOf);
    }

    /// <summary>Generates on a worker thread while this one inserts; returns the generator's busy time and its time blocked on a full channel.</summary>
    private static async Task<(TimeSpan Generating, TimeSpan Waiting)> PipeAsync(IEnumerable<GeneratedComplaint> complaints, BatchWriter writer, BuildOptions options)
    {
        // Two batches ahead keep the writer fed; more only costs memory (a complaint with its state machine is tens of KB).
        var channel = Channel.CreateBounded<List<GeneratedComplaint>>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = new CancellationTokenSource();
        var busy = new Stopwatch();
        var blocked = new Stopwatch();
        var producer = Task.Run(async () =>
        {
            try
            {
                busy.Start();
                foreach (var chunk in complaints.Chunk(options.BatchSize))
                {
                    busy.Stop();
                    blocked.Start();
                    await channel.Writer.WriteAsync([.. chunk], stop.Token);
                    blocked.Stop();
                    busy.Start();
                }
                busy.Stop();
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        });

        var progress = new BuildProgress(options.Count);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync())
            {
                await writer.WriteAsync(batch);
                progress.Report(writer);
            }
        }
        catch
        {
            await stop.CancelAsync(); // the generator must not wait forever on a channel nobody reads
            throw;
        }
        await producer;
        progress.Report(writer, force: true);
        return (busy.Elapsed, blocked.Elapsed);
    }
}
