"""
What the search backend (search/backends.py) needs of the database beside Wagtail's index.

- SQLite: ``site_search_exact_words``, an FTS5 index of Wagtail's index entries that keeps
  diacritics (Wagtail's own folds them), kept up to date by triggers, so that a search
  for "foretag" can rank pages that spell it so above those that spell it "företag".
- PostgreSQL: the ``unaccent`` and ``pg_trgm`` extensions; ``swedish_unaccent``,
  ``english_unaccent`` and ``simple_unaccent``, each language's configuration with
  ``unaccent`` before its stemmer; ``site_search_text_words``, a GIN index of each
  entry's title and text together, so that a query's words may be found in either; and
  ``site_search_exact_words``, each entry's plain text as a tsvector in the ``simple``
  configuration, which keeps diacritics, with a GIN index, and its title folded, with a
  trigram index (for "did you mean"), kept up to date by triggers.
  Wagtail's index is built with the
  configurations the settings name: after this migration, run ``manage.py update_index``
  once.
"""

from django.db import DatabaseError, migrations, transaction

ENTRIES = "wagtailsearch_indexentry"
EXACT = "site_search_exact_words"
TEXT = "site_search_text_words"
COLUMNS = "autocomplete, body, title"

SQLITE = [
    f"CREATE VIRTUAL TABLE {EXACT} USING fts5({COLUMNS}, content='{ENTRIES}',"
    " content_rowid='id', tokenize='unicode61 remove_diacritics 0')",
    f"CREATE TRIGGER {EXACT}_insert AFTER INSERT ON {ENTRIES} BEGIN"
    f" INSERT INTO {EXACT}(rowid, {COLUMNS})"
    " VALUES (new.id, new.autocomplete, new.body, new.title); END",
    f"CREATE TRIGGER {EXACT}_delete AFTER DELETE ON {ENTRIES} BEGIN"
    f" INSERT INTO {EXACT}({EXACT}, rowid, {COLUMNS})"
    " VALUES ('delete', old.id, old.autocomplete, old.body, old.title); END",
    f"CREATE TRIGGER {EXACT}_update AFTER UPDATE ON {ENTRIES} BEGIN"
    f" INSERT INTO {EXACT}({EXACT}, rowid, {COLUMNS})"
    " VALUES ('delete', old.id, old.autocomplete, old.body, old.title);"
    f" INSERT INTO {EXACT}(rowid, {COLUMNS})"
    " VALUES (new.id, new.autocomplete, new.body, new.title); END",
    f"INSERT INTO {EXACT}({EXACT}) VALUES ('rebuild')",
]
SQLITE_BACK = [
    f"DROP TRIGGER IF EXISTS {EXACT}_insert",
    f"DROP TRIGGER IF EXISTS {EXACT}_delete",
    f"DROP TRIGGER IF EXISTS {EXACT}_update",
    f"DROP TABLE IF EXISTS {EXACT}",
]

# For "did you mean" only (search/suggestions.py), which does without it: a database user
# who may not create it still migrates.
TRIGRAMS = "CREATE EXTENSION IF NOT EXISTS pg_trgm"
# (configuration, the one it copies, its stemmer)
FOLDED = [
    ("swedish_unaccent", "swedish", "swedish_stem"),
    ("english_unaccent", "english", "english_stem"),
    ("simple_unaccent", "simple", "simple"),
]
POSTGRESQL = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    TRIGRAMS,
    *[
        statement
        for name, source, stemmer in FOLDED
        for statement in (
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source})",
            # Words with letters beyond ASCII (and their hyphenated parts) are folded.
            f"ALTER TEXT SEARCH CONFIGURATION {name}"
            f" ALTER MAPPING FOR word, hword, hword_part WITH unaccent, {stemmer}",
        )
    ],
    f"CREATE INDEX IF NOT EXISTS {TEXT} ON {ENTRIES} USING gin ((title || body))",
    # The exact words of each entry, stored (an index of an expression would compute it
    # again for rows the planner reads without it) and kept by triggers.
    f"CREATE TABLE {EXACT} (entry_id bigint PRIMARY KEY, words tsvector NOT NULL,"
    " title text NOT NULL)",
    f"CREATE INDEX {EXACT}_gin ON {EXACT} USING gin (words)",
    # And the title, folded, with a trigram index for "did you mean", where pg_trgm is.
    f"""DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
            CREATE INDEX {EXACT}_title ON {EXACT} USING gin (title gin_trgm_ops);
        END IF;
    END $$""",
    f"""CREATE FUNCTION {EXACT}_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM {EXACT} WHERE entry_id = OLD.id;
            RETURN OLD;
        END IF;
        INSERT INTO {EXACT} (entry_id, words, title)
        VALUES (
            NEW.id,
            to_tsvector('simple', NEW.title_text || ' ' || NEW.body_text),
            lower(unaccent(NEW.title_text))
        )
        ON CONFLICT (entry_id) DO UPDATE SET words = EXCLUDED.words, title = EXCLUDED.title;
        RETURN NEW;
    END $$""",
    f"""CREATE FUNCTION {EXACT}_forget() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE {EXACT};
        RETURN NULL;
    END $$""",
    f"CREATE TRIGGER {EXACT}_keep AFTER INSERT OR UPDATE OF title_text, body_text OR DELETE"
    f" ON {ENTRIES} FOR EACH ROW EXECUTE FUNCTION {EXACT}_keep()",
    f"CREATE TRIGGER {EXACT}_forget AFTER TRUNCATE ON {ENTRIES}"
    f" FOR EACH STATEMENT EXECUTE FUNCTION {EXACT}_forget()",
    f"INSERT INTO {EXACT} (entry_id, words, title) SELECT id,"
    " to_tsvector('simple', title_text || ' ' || body_text), lower(unaccent(title_text))"
    f" FROM {ENTRIES}",
]
POSTGRESQL_BACK = [
    f"DROP TRIGGER IF EXISTS {EXACT}_keep ON {ENTRIES}",
    f"DROP TRIGGER IF EXISTS {EXACT}_forget ON {ENTRIES}",
    f"DROP FUNCTION IF EXISTS {EXACT}_keep()",
    f"DROP FUNCTION IF EXISTS {EXACT}_forget()",
    f"DROP TABLE IF EXISTS {EXACT}",
    f"DROP INDEX IF EXISTS {TEXT}",
    *[f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}" for name, _source, _stem in FOLDED],
]


def run(statements):
    def operation(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for statement in statements.get(vendor, []):
            if statement == TRIGRAMS:
                try:
                    with transaction.atomic(using=schema_editor.connection.alias):
                        schema_editor.execute(statement)
                except DatabaseError:
                    pass
            else:
                schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE, "postgresql": POSTGRESQL}),
            run({"sqlite": SQLITE_BACK, "postgresql": POSTGRESQL_BACK}),
        )
    ]
