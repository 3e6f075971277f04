package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"

	"github.com/mattn/go-sqlite3"
)

// The writer's hottest statements (an order's addition and the
// savepoints of group commit) run on the driver's connection itself,
// through (*sql.Conn).Raw, prepared once on it. In a transaction,
// database/sql watches the context of every query with a goroutine of its
// own, and starting it woke a thread: with the checks and conversions
// around it, 14% of the writer's time for an addition (CPU profile of
// scripts/bench-orders). go-sqlite3 runs a statement with no deadline in
// the caller's goroutine.
type rawStmts struct {
	conn  *sqlite3.SQLiteConn // the connection they were prepared on
	stmts map[string]driver.Stmt
}

// get returns query prepared on the driver connection dc.
func (r *rawStmts) get(dc any, query string) (driver.Stmt, error) {
	c, ok := dc.(*sqlite3.SQLiteConn)
	if !ok {
		return nil, fmt.Errorf("store: the writer's connection is a %T", dc)
	}
	if c != r.conn {
		// database/sql replaced a broken connection: the statements
		// went with it.
		r.close()
		r.conn, r.stmts = c, map[string]driver.Stmt{}
	}
	st, ok := r.stmts[query]
	if !ok {
		var err error
		if st, err = c.Prepare(query); err != nil {
			return nil, err
		}
		r.stmts[query] = st
	}
	return st, nil
}

// close closes the statements, on the connection they were prepared on.
func (r *rawStmts) close() {
	for _, st := range r.stmts {
		st.Close()
	}
	r.conn, r.stmts = nil, nil
}

// exec runs query on conn's driver connection, for its effect.
func (r *rawStmts) exec(conn *sql.Conn, query string, args ...any) error {
	return r.query(conn, query, nil, args...)
}

// query runs query on conn's driver connection and reads its first row
// into dest, as int64 and string: sql.ErrNoRows when it has none. With
// no dest it reads nothing: the statement has run.
//
// Every statement goes through Query, which runs it at its first step,
// in the same call into C as binding its arguments: Exec binds each
// argument in a call of its own (17 for an order, 7% of the writer's
// time).
func (r *rawStmts) query(conn *sql.Conn, query string, dest []any, args ...any) error {
	return conn.Raw(func(dc any) error {
		st, err := r.get(dc, query)
		if err != nil {
			return err
		}
		rows, err := st.(driver.StmtQueryContext).QueryContext(context.Background(), namedValues(args))
		if err != nil {
			return err
		}
		if len(dest) == 0 {
			return rows.Close()
		}
		defer rows.Close()
		values := make([]driver.Value, len(dest))
		if err := rows.Next(values); errors.Is(err, io.EOF) {
			return sql.ErrNoRows
		} else if err != nil {
			return err
		}
		for i, v := range values {
			if err := assign(dest[i], v); err != nil {
				return fmt.Errorf("store: column %d: %w", i, err)
			}
		}
		return nil
	})
}

// namedValues gives args to the driver, ints as int64.
func namedValues(args []any) []driver.NamedValue {
	nv := make([]driver.NamedValue, len(args))
	for i, a := range args {
		if n, ok := a.(int); ok {
			a = int64(n)
		}
		nv[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
	}
	return nv
}

// assign stores a value read from the driver in dest, an *int or a
// *string.
func assign(dest any, v driver.Value) error {
	switch d := dest.(type) {
	case *int:
		n, ok := v.(int64)
		if !ok {
			return fmt.Errorf("%T is not an integer", v)
		}
		*d = int(n)
	case *string:
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("%T is not text", v)
		}
		*d = s
	default:
		return fmt.Errorf("cannot store in a %T", dest)
	}
	return nil
}
