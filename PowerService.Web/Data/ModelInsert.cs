using System.Data.Common;
using Microsoft.Data.Sqlite;
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
/// Here the statement is prepared once and only its values change (on SQLite bound by position, <see cref="SqliteRawInsert"/>). The same approach as the
/// scale builder's (tools/PowerService.Benchmarks/ScaleBuild), which checked its rows column by column
/// against EF's on both providers.
/// The store-generated key is left to the database (and returned when asked for). Properties that
/// cannot be read from the object — a shadow foreign key, a shadow column AppDbContext fills on save,
/// an init-only key — are <c>supplied</c> by name and passed in that order.
/// </remarks>
public sealed class ModelInsert : IAsyncDisposable
{
    private readonly string _sql;
    private readonly Column[] _columns;
    private readonly bool _returnsKey;
    /// <summary>On SQLite: the statement bound by position (<see cref="SqliteRawInsert"/>), and its row's values.</summary>
    private readonly SqliteRawInsert? _sqlite;
    private readonly object?[] _values;
    /// <summary>Elsewhere: one prepared command whose parameter values change per row.</summary>
    private readonly DbCommand? _command;

    private sealed record Column(string ParameterName, RelationalTypeMapping Mapping, bool Nullable, IClrPropertyGetter? Getter, int Supplied);

    public ModelInsert(DbContext db, DbTransaction transaction, Type entity, string[] supplied, bool returnsKey = false)
    {
        var type = db.Model.FindEntityType(entity) ?? throw new ArgumentException($"{entity.Name} is not in the model", nameof(entity));
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var key = type.FindPrimaryKey()!.Properties.Single();
        var properties = type.GetFlattenedProperties().Where(p => !(p == key && p.ValueGenerated.HasFlag(ValueGenerated.OnAdd))).ToList();
        var missing = supplied.Except(properties.Select(p => p.Name)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"{entity.Name} has no mapped {string.Join(", ", missing)}", nameof(supplied));

        // The prefix is part of the name: Microsoft.Data.Sqlite looks a parameter up by its name, and a
        // bare "p0" costs a failed lookup and then one per prefix it tries (docs/benchmarks.md).
        _columns = [.. properties.Select((p, i) =>
        {
            var index = Array.IndexOf(supplied, p.Name);
            return new Column($"@p{i}", p.GetRelationalTypeMapping(), p.IsNullable, index < 0 ? p.GetGetter() : null, index);
        })];
        _values = new object?[_columns.Length];
        _returnsKey = returnsKey;
        var connection = db.Database.GetDbConnection();
        // SQLite runs INSERT … RETURNING through a temporary table: about 0.2 ms more per complaint row
        // than the INSERT itself, measured. Its key is the rowid of the insert on the same connection instead.
        _sql =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", _columns.Select(c => c.ParameterName))})" +
            (returnsKey && connection is not SqliteConnection ? $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}" : "");
        if (connection is SqliteConnection sqlite)
        {
            _sqlite = new SqliteRawInsert(sqlite, _sql, [.. _columns.Select(GuidAsBlob)]);
            return;
        }
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        foreach (var column in _columns) _command.Parameters.Add(column.Mapping.CreateParameter(_command, column.ParameterName, null, column.Nullable));
        _command.CommandText = _sql;
        _command.Prepare();
    }

    /// <summary>Whether the mapping stores a Guid as a BLOB, which Microsoft.Data.Sqlite decides from the parameter's type.</summary>
    private static bool GuidAsBlob(Column column)
    {
        using var probe = new SqliteCommand();
        return column.Mapping.CreateParameter(probe, column.ParameterName, null, column.Nullable) is SqliteParameter { SqliteType: SqliteType.Blob };
    }

    /// <summary>Inserts one row; returns the generated key when the insert was made to return it, else 0.</summary>
    public async Task<long> InsertAsync(object entity, object?[] supplied, CancellationToken ct)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var value = ValueOf(_columns[i], entity, supplied);
            _values[i] = value is not null && _columns[i].Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
        if (_sqlite is not null)
        {
            ct.ThrowIfCancellationRequested();
            var rowid = _sqlite.Insert(_values);
            return _returnsKey ? rowid : 0;
        }
        for (var i = 0; i < _columns.Length; i++) _command!.Parameters[i].Value = _values[i] ?? DBNull.Value;
        if (!_returnsKey)
        {
            await _command!.ExecuteNonQueryAsync(ct);
            return 0;
        }
        return Convert.ToInt64(await _command!.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The same INSERT for one row as a command of a <see cref="DbBatch"/>, for providers that send a
    /// batch in one round trip (PostgreSQL); each row has its own parameters, made (and converted) by the type mapping.
    /// </summary>
    public DbBatchCommand BatchCommand(DbBatch batch, object entity, object?[] supplied)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = _sql;
        foreach (var column in _columns)
            command.Parameters.Add(column.Mapping.CreateParameter(_command!, column.ParameterName, ValueOf(column, entity, supplied), column.Nullable));
        return command;
    }

    /// <summary>The row's CLR value for a column: read from the object through EF's getter, or supplied.</summary>
    private static object? ValueOf(Column column, object entity, object?[] supplied) =>
        column.Getter is { } getter ? getter.GetClrValueUsingContainingEntity(entity) : supplied[column.Supplied];

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        if (_command is not null) await _command.DisposeAsync();
    }
}
