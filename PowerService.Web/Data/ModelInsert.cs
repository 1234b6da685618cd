using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace PowerService.Web.Data;

/// <summary>
/// One prepared INSERT for an entity type, its table, columns, value conversions (enum names, JSON
/// columns, SQLite's binary instants) and parameter types all read from the app's EF model: the rows
/// EF <c>SaveChanges</c> would write, without its per-row cost. For bulk writes only (a batch of
/// imported work orders), where that cost is the whole time.
/// </summary>
/// <remarks>
/// What EF would do and this does not: it builds and prepares one command per row (on SQLite) and,
/// after saving, snapshots every JSON column for change tracking (serialising and deserialising it).
/// Here the command is prepared once and only its parameter values change. The same approach as the
/// scale builder's (tools/PowerService.Benchmarks/ScaleBuild), which checked its rows column by column
/// against EF's on both providers.
/// The store-generated key is left to the database (and returned when asked for). Properties that
/// cannot be read from the object — a shadow foreign key, a shadow column AppDbContext fills on save,
/// an init-only key — are <c>supplied</c> by name and passed in that order.
/// </remarks>
public sealed class ModelInsert : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbCommand? _lastKey;
    private readonly Column[] _columns;
    private readonly bool _returnsKey;

    private sealed record Column(DbParameter Parameter, RelationalTypeMapping Mapping, bool Nullable, IClrPropertyGetter? Getter, int Supplied);

    public ModelInsert(DbContext db, DbTransaction transaction, Type entity, string[] supplied, bool returnsKey = false)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity.Name} is not in the model", nameof(entity));
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = type.FindPrimaryKey()!.Properties.Single();
        var properties = type.GetFlattenedProperties().Where(p => !(p == key && p.ValueGenerated.HasFlag(ValueGenerated.OnAdd))).ToList();
        var missing = supplied.Except(properties.Select(p => p.Name)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"{entity.Name} has no mapped {string.Join(", ", missing)}", nameof(supplied));

        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = transaction;
        _columns = [.. properties.Select((p, i) =>
        {
            var mapping = p.GetRelationalTypeMapping();
            // The prefix is part of the name: Microsoft.Data.Sqlite looks a parameter up by its name on
            // every execution, and a bare "p0" costs a failed lookup and then one per prefix it tries.
            // Measured on the 100,000-row import: 49 s with bare names, 34 s with "@p0" (docs/benchmarks.md).
            var parameter = mapping.CreateParameter(_command, $"@p{i}", null, p.IsNullable);
            _command.Parameters.Add(parameter);
            var index = Array.IndexOf(supplied, p.Name);
            return new Column(parameter, mapping, p.IsNullable, index < 0 ? p.GetGetter() : null, index);
        })];
        _returnsKey = returnsKey;
        // SQLite runs INSERT … RETURNING through a temporary table: about 0.2 ms more per complaint row
        // than the INSERT itself, measured. Its key is read with last_insert_rowid() on the same connection instead.
        var sqlite = db.Database.IsSqlite();
        _command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))})" +
            (returnsKey && !sqlite ? $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}" : "");
        _command.Prepare();
        if (returnsKey && sqlite)
        {
            _lastKey = db.Database.GetDbConnection().CreateCommand();
            _lastKey.Transaction = transaction;
            _lastKey.CommandText = "SELECT last_insert_rowid()";
            _lastKey.Prepare();
        }
    }

    /// <summary>Inserts one row; returns the generated key when the insert was made to return it, else 0.</summary>
    public async Task<long> InsertAsync(object entity, object?[] supplied, CancellationToken ct)
    {
        foreach (var column in _columns)
        {
            var value = ValueOf(column, entity, supplied);
            if (value is not null && column.Mapping.Converter is { } converter) value = converter.ConvertToProvider(value);
            column.Parameter.Value = value ?? DBNull.Value;
        }
        if (!_returnsKey || _lastKey is not null)
        {
            await _command.ExecuteNonQueryAsync(ct);
            if (_lastKey is null) return 0;
        }
        var key = _lastKey is null ? await _command.ExecuteScalarAsync(ct) : await _lastKey.ExecuteScalarAsync(ct);
        return Convert.ToInt64(key, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The same INSERT for one row as a command of a <see cref="DbBatch"/>, for providers that send a
    /// batch in one round trip (PostgreSQL); each row has its own parameters, made (and converted) by the type mapping.
    /// </summary>
    public DbBatchCommand BatchCommand(DbBatch batch, object entity, object?[] supplied)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = _command.CommandText;
        foreach (var column in _columns)
            command.Parameters.Add(column.Mapping.CreateParameter(_command, column.Parameter.ParameterName, ValueOf(column, entity, supplied), column.Nullable));
        return command;
    }

    /// <summary>The row's CLR value for a column: read from the object through EF's getter, or supplied.</summary>
    private static object? ValueOf(Column column, object entity, object?[] supplied) =>
        column.Getter is { } getter ? getter.GetClrValueUsingContainingEntity(entity) : supplied[column.Supplied];

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        if (_lastKey is not null) await _lastKey.DisposeAsync();
    }
}
