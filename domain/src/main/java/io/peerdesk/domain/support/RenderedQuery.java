package io.peerdesk.domain.support;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Select;

/**
 * A select rendered to SQL once, for the reads the portal runs on every workflow step and API call:
 * jOOQ renders a query again on each execution, which takes longer than the database takes to run a
 * lookup by key. Its bind values ({@code DSL.param}) are given in order on each run; the result has
 * the select's own fields, so records are read as they would be from the select itself.
 */
public final class RenderedQuery {

    private final String sql;
    private final Field<?>[] fields;

    public RenderedQuery(DSLContext db, Select<?> select) {
        this.sql = db.render(select);
        this.fields = select.getSelect().toArray(Field[]::new);
    }

    public Result<Record> fetch(DSLContext db, Object... binds) {
        return db.resultQuery(sql, binds).coerce(fields).fetch();
    }
}
