"""
The bench site with N generated articles on PostgreSQL, copied from the SQLite one that
`make bench ARTICLES=N` built (var/bench/site-N/): building it afresh on PostgreSQL through
wagtail-localize takes hours at 10,000 articles, copying it a minute. Every table is
copied as it is (the search index is built again, PostgreSQL's being of another kind),
into the database `make bench` uses on PostgreSQL, which is emptied first.

    make bench ARTICLES=10000                                  # SQLite, builds the site
    DATABASE_URL=postgres://…/produktionslyftet python benchmarks/copy_site.py --articles 10000
    DATABASE_URL=postgres://…/produktionslyftet make bench ARTICLES=10000
"""

import argparse
import os
import shutil
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale import articles_asked, site_database  # noqa: E402
from tests.servers import manage  # noqa: E402

# Not copied: SQLite's own tables, the search index (built again) and the migrations
# (the copy's are its own).
NOT_COPIED = ("sqlite_", "wagtailsearch_indexentry", "site_search_", "django_migrations")


def copy_rows(source, target_url):
    import psycopg

    with psycopg.connect(target_url) as target, target.cursor() as cursor:
        # Rows arrive in any order: no foreign key is checked while they do.
        cursor.execute("SET session_replication_role = replica")
        cursor.execute("SET TIME ZONE 'UTC'")
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        tables = {row[0] for row in cursor.fetchall()} - {"django_migrations"}
        cursor.execute(f"TRUNCATE {', '.join(sorted(tables))} RESTART IDENTITY CASCADE")
        names = source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        for (table,) in names.fetchall():
            if table.startswith(NOT_COPIED) or table not in tables:
                continue
            cursor.execute(
                "SELECT column_name, data_type FROM information_schema.columns"
                " WHERE table_name = %s",
                [table],
            )
            types = dict(cursor.fetchall())
            columns = [row[1] for row in source.execute(f'PRAGMA table_info("{table}")')]
            columns = [column for column in columns if column in types]
            booleans = [types[column] == "boolean" for column in columns]
            listed = ", ".join(f'"{column}"' for column in columns)
            with cursor.copy(f'COPY "{table}" ({listed}) FROM STDIN') as copy:
                for row in source.execute(f'SELECT {listed} FROM "{table}"'):
                    copy.write_row(
                        [
                            bool(value) if boolean and value is not None else value
                            for value, boolean in zip(row, booleans, strict=True)
                        ]
                    )
        # Each sequence goes on from the highest key copied.
        cursor.execute(
            "SELECT c.relname, a.attname FROM pg_class c"
            " JOIN pg_attribute a ON a.attrelid = c.oid"
            " WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace"
            " AND a.attnum > 0 AND NOT a.attisdropped"
            " AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL"
        )
        for table, column in cursor.fetchall():
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, %s),"
                f' coalesce(max("{column}"), 1)) FROM "{table}"',
                [f'"{table}"', column],
            )
        cursor.execute("SET session_replication_role = DEFAULT")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=articles_asked())
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Name the PostgreSQL server in DATABASE_URL.")
    source_dir = ROOT / "var" / "bench" / f"site-{args.articles}"
    if not (source_dir / "site.sqlite3").exists():
        sys.exit(f"No SQLite site in {source_dir}: run make bench ARTICLES={args.articles} first.")
    target_dir = ROOT / "var" / "bench" / f"site-{args.articles}-postgresql"
    target_dir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "produktionslyftet.settings.local",
        "DATABASE_URL": site_database(args.articles, target_dir),
        "MEDIA_ROOT": str(target_dir / "media"),
    }
    manage(env, "migrate", "--no-input", "-v0")
    copy_rows(sqlite3.connect(source_dir / "site.sqlite3"), env["DATABASE_URL"])
    if (source_dir / "media").exists():
        shutil.copytree(source_dir / "media", target_dir / "media", dirs_exist_ok=True)
    manage(env, "update_index", "-v0")
    import psycopg

    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as connection:
        connection.execute("ANALYZE")  # the planner's statistics, as add_articles does


if __name__ == "__main__":
    main()
