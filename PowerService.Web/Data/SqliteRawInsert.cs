using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PowerService.Web.Data;

/// <summary>
/// A <see cref="ModelInsert"/>'s statement on SQLite, prepared once and bound by position through
/// SQLitePCL — the layer Microsoft.Data.Sqlite itself calls — instead of through <c>DbParameter</c>s.
/// </summary>
/// <remarks>
/// Why below ADO.NET: on every execution Microsoft.Data.Sqlite looks each parameter up by its name,
/// re-binds every one through its value binder and steps the statement through a data reader. On the
/// 100,000-row import that machinery cost more than SQLite's own work (docs/benchmarks.md, issue 12).
/// Here one execution is the <c>sqlite3_bind_*</c> calls and one step. Values are bound as
/// Microsoft.Data.Sqlite binds them — integers (and booleans) as INTEGER, reals as REAL, strings as TEXT,
/// byte arrays as BLOB, a Guid as upper-case TEXT unless its mapping asks for a BLOB — and any other type
/// is refused rather than guessed; <c>ModelInsertTests</c> compares every column and its storage class
/// with the row EF writes.
/// </remarks>
internal sealed class SqliteRawInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly bool[] _guidAsBlob;

    public SqliteRawInsert(SqliteConnection connection, string sql, bool[] guidAsBlob)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_db, sql, out _statement), _db);
        _guidAsBlob = guidAsBlob;
    }

    /// <summary>Inserts one row of provider values, in column order; returns the row's rowid.</summary>
    public long Insert(object?[] values)
    {
        raw.sqlite3_reset(_statement);
        for (var i = 0; i < values.Length; i++)
            SqliteException.ThrowExceptionForRC(Bind(i + 1, values[i], _guidAsBlob[i]), _db);
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(_statement);
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
        return raw.sqlite3_last_insert_rowid(_db);
    }

    private int Bind(int index, object? value, bool guidAsBlob) => value switch
    {
        null or DBNull => raw.sqlite3_bind_null(_statement, index),
        string text => raw.sqlite3_bind_text(_statement, index, text),
        long n => raw.sqlite3_bind_int64(_statement, index, n),
        int n => raw.sqlite3_bind_int64(_statement, index, n),
        short n => raw.sqlite3_bind_int64(_statement, index, n),
        byte n => raw.sqlite3_bind_int64(_statement, index, n),
        bool b => raw.sqlite3_bind_int64(_statement, index, b ? 1 : 0),
        double d => raw.sqlite3_bind_double(_statement, index, d),
        byte[] bytes => raw.sqlite3_bind_blob(_statement, index, bytes),
        Guid guid when guidAsBlob => raw.sqlite3_bind_blob(_statement, index, guid.ToByteArray()),
        Guid guid => raw.sqlite3_bind_text(_statement, index, guid.ToString().ToUpperInvariant()),
        _ => throw new NotSupportedException($"The bulk insert does not bind {value.GetType().Name} values; add it here as Microsoft.Data.Sqlite binds it"),
    };

    public void Dispose() => _statement.Dispose();
}
