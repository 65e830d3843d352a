/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Importing spreadsheets (src/core/hl-import*.c, src/hl-cli-import.c):
 * amounts and dates as people write them, what is guessed from a file,
 * the problems of bad rows by row and column, the round trip CSV ->
 * dataset JSON -> load, and `heistline --import`. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "hl-date.h"
#include "hl-import.h"
#include "test-util.h"

static HlCsvTable *
load_table (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "csv", name, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  HlCsvTable *table;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  table = hl_csv_parse (data, length, 0, name, &error);
  g_assert_no_error (error);
  return table;
}

/* The fixture imported with everything guessed. */
static HlImportResult *
import_guessed (const char *name, HlImportOptions *options, gboolean *ambiguous)
{
  g_autoptr(HlCsvTable) table = load_table (name);
  g_autoptr(GError) error = NULL;
  HlImportResult *result;

  hl_import_guess (table, options, ambiguous);
  result = hl_import_run (table, options, name, &error);
  g_assert_no_error (error);
  return result;
}

typedef struct
{
  const char *text;
  char        decimal;
  double      value;     /* if problem is NULL */
  const char *problem;
} AmountCase;

static void
test_amounts (void)
{
  const AmountCase cases[] = {
    { "$1.2M", '.', 1.2e6 }, { "1,200,000", '.', 1.2e6 }, { "1.2e6", '.', 1.2e6 },
    { "USD 5m", '.', 5e6 }, { "1.2 billion", '.', 1.2e9 }, { "$41 million", '.', 41e6 },
    { "250k", '.', 250e3 }, { "US$ 3.5bn", '.', 3.5e9 }, { "7 000 000", '.', 7e6 },
    { "100000 USD", '.', 1e5 }, { "0", '.', 0 }, { "12.5", '.', 12.5 },
    { "1.234.567,89", ',', 1234567.89 }, { "1,5 million", ',', 1.5e6 }, { "41.000.000", ',', 41e6 },
    { "12,5", ',', 12.5 }, { "$ 2,5 Mrd", ',', 0, "“$ 2,5 Mrd” is not an amount" },
    { "", '.', 0, "no amount" }, { "12 apples", '.', 0, "“12 apples” is not an amount" },
    { "-5", '.', 0, "“-5” is negative; an amount is 0 or more" },
    { "(1,000)", '.', 0, "“(1,000)” is negative; an amount is 0 or more" },
    { "€5M", '.', 0, "“€5M” is not in US dollars" },
    { "1,2", '.', 0, "“1,2” has its digits grouped wrongly for “.” as the decimal separator" },
    { "1,2", ',', 1.2 },
    { "12,34,567", '.', 0, "“12,34,567” has its digits grouped wrongly for “.” as the decimal "
                           "separator" },
    { "2e16", '.', 0, "“2e16” is more than 1e15 US dollars" },
    { "lots", '.', 0, "“lots” is not an amount" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *problem = NULL;
      double v = -1;
      gboolean ok = hl_import_parse_amount (cases[i].text, cases[i].decimal, &v, &problem);

      g_test_message ("“%s” with “%c”", cases[i].text, cases[i].decimal);
      g_assert_cmpstr (problem, ==, cases[i].problem);
      g_assert_true (ok == (cases[i].problem == NULL));
      if (ok)
        g_assert_cmpfloat_with_epsilon (v, cases[i].value, 1e-6);
    }
}

typedef struct
{
  const char         *text;
  HlImportDateFormat  format;
  const char         *iso;        /* if problem is NULL */
  const char         *problem;
} DateCase;

static void
test_dates (void)
{
  const DateCase cases[] = {
    { "2023-09-04", HL_IMPORT_DATE_ISO, "2023-09-04" },
    { "2023-09-04T12:00:00+09:00", HL_IMPORT_DATE_ISO, "2023-09-04T12:00:00+09:00" },
    { "2023-09-04 12:00Z", HL_IMPORT_DATE_ISO, "2023-09-04T12:00Z" },
    { "4/9/2023", HL_IMPORT_DATE_DMY, "2023-09-04" },
    { "04.09.2023", HL_IMPORT_DATE_DMY, "2023-09-04" },
    { "9/4/2023", HL_IMPORT_DATE_MDY, "2023-09-04" },
    { "2023/9/4", HL_IMPORT_DATE_YMD, "2023-09-04" },
    { "2023-09-04", HL_IMPORT_DATE_MDY, "2023-09-04" },
    { "4 Sep 2023", HL_IMPORT_DATE_MDY, "2023-09-04" },
    { "Sep 4, 2023", HL_IMPORT_DATE_DMY, "2023-09-04" },
    { "25/12/2023 14:30 +09:00", HL_IMPORT_DATE_DMY, "2023-12-25T14:30 +09:00", "“25/12/2023 "
      "14:30 +09:00” is not a date: " },
    { "25/12/2023", HL_IMPORT_DATE_MDY, NULL, "“25/12/2023” is not a date: " },
    { "4/9/23", HL_IMPORT_DATE_DMY, NULL, "“4/9/23” has no four-digit year" },
    { "2023-09-04 12:00", HL_IMPORT_DATE_ISO, NULL,
      "“2023-09-04 12:00” has a time but no UTC offset; give the time zone" },
    { "yesterday", HL_IMPORT_DATE_ISO, NULL,
      "“yesterday” is not a date in the form ISO 8601 (2023-09-04)" },
    { "  ", HL_IMPORT_DATE_ISO, NULL, "no date" },
    { "2023-02-30", HL_IMPORT_DATE_ISO, NULL, "“2023-02-30” is not a date: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *problem = NULL;
      g_autofree char *iso = hl_import_parse_date (cases[i].text, cases[i].format, NULL, NULL,
                                                   &problem);

      g_test_message ("“%s” as %s", cases[i].text,
                      hl_import_date_format_name (cases[i].format));
      if (cases[i].problem == NULL)
        {
          g_assert_cmpstr (problem, ==, NULL);
          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
      else
        {
          g_assert_null (iso);
          g_assert_nonnull (problem);
          g_assert_true (g_str_has_prefix (problem, cases[i].problem));
        }
    }
}

/* A date-time without an offset is refused unless a zone is given. */
static void
test_zone (void)
{
  HlImportOptions options;
  g_autofree char *problem = NULL;
  g_autofree char *iso = NULL;

  hl_import_options_init (&options);
  g_assert_true (hl_import_set_zone (&options, "+09:00"));
  iso = hl_import_parse_date ("2023-09-04 12:00", HL_IMPORT_DATE_ISO, &options, NULL, &problem);
  g_assert_cmpstr (iso, ==, "2023-09-04T12:00+09:00");
  g_clear_pointer (&iso, g_free);
  g_assert_true (hl_import_set_zone (&options, "UTC-5"));
  iso = hl_import_parse_date ("25/12/2023 23:30", HL_IMPORT_DATE_DMY, &options, NULL, &problem);
  g_assert_cmpstr (iso, ==, "2023-12-25T23:30-05:00");
  g_assert_false (hl_import_set_zone (&options, "Asia/Seoul"));
  g_assert_false (hl_import_set_zone (&options, "+25:00"));
}

typedef struct
{
  const char         *file;
  HlImportDateFormat  format;
  gboolean            ambiguous;
} FormatCase;

static void
test_guess_date_format (void)
{
  const FormatCase cases[] = {
    { "dates-iso.csv", HL_IMPORT_DATE_ISO, FALSE },
    { "dates-dmy.csv", HL_IMPORT_DATE_DMY, FALSE },
    { "dates-mdy.csv", HL_IMPORT_DATE_MDY, FALSE },
    { "dates-ymd.csv", HL_IMPORT_DATE_YMD, FALSE },
    { "dates-ambiguous.csv", HL_IMPORT_DATE_DMY, TRUE },
    { "dates-month-names.csv", HL_IMPORT_DATE_ISO, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HlCsvTable) table = load_table (cases[i].file);
      HlImportOptions options;
      gboolean ambiguous = !cases[i].ambiguous;

      g_test_message ("%s", cases[i].file);
      hl_import_options_init (&options);
      hl_import_guess (table, &options, &ambiguous);
      g_assert_cmpint (options.date_format, ==, cases[i].format);
      g_assert_cmpint (ambiguous, ==, cases[i].ambiguous);
    }
}

static void
test_guess_columns (void)
{
  g_autoptr(HlCsvTable) korean = load_table ("korean-good.csv");
  g_autoptr(HlCsvTable) semi = load_table ("semicolon-decimal-comma.csv");
  g_autoptr(HlCsvTable) noheader = load_table ("no-header.csv");
  g_autoptr(HlCsvTable) hangul = load_table ("korean.csv");
  g_autofree char *map = NULL;
  HlImportOptions options;

  hl_import_options_init (&options);
  hl_import_guess (korean, &options, NULL);
  g_assert_true (options.has_header);
  map = hl_import_mapping_to_string (korean, &options);
  g_assert_cmpstr (map, ==, "date:Date,title:Title,usd:Loss,url:Source URL,source:Source");
  g_clear_pointer (&map, g_free);

  hl_import_guess (semi, &options, NULL);
  map = hl_import_mapping_to_string (semi, &options);
  g_assert_cmpstr (map, ==, "date:Datum,title:Title,usd:Amount");
  g_assert_cmpint (options.decimal, ==, ',');
  g_assert_cmpint (options.date_format, ==, HL_IMPORT_DATE_DMY);
  g_clear_pointer (&map, g_free);

  hl_import_guess (hangul, &options, NULL);
  map = hl_import_mapping_to_string (hangul, &options);
  g_assert_cmpstr (map, ==, "date:날짜,title:제목,usd:피해액");
  g_clear_pointer (&map, g_free);

  hl_import_guess (noheader, &options, NULL);
  g_assert_false (options.has_header);
  g_assert_cmpint (options.column[HL_IMPORT_FIELD_DATE], ==, -1);
}

static void
test_mapping_from_string (void)
{
  g_autoptr(HlCsvTable) table = load_table ("no-header.csv");
  g_autoptr(HlCsvTable) named = load_table ("quoted.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *map = NULL;
  HlImportOptions options;

  hl_import_options_init (&options);
  options.has_header = FALSE;
  g_assert_true (hl_import_mapping_from_string (table, "date:1,title:2,usd:3", &options, &error));
  g_assert_no_error (error);
  map = hl_import_mapping_to_string (table, &options);
  g_assert_cmpstr (map, ==, "date:1,title:2,usd:3");

  hl_import_options_init (&options);
  hl_import_guess (named, &options, NULL);
  g_assert_cmpint (options.column[HL_IMPORT_FIELD_NOTES], ==, 3);
  /* "notes:" takes the notes' column away; a header matches in any case */
  g_assert_true (hl_import_mapping_from_string (named, "notes:, kind:notes", &options, &error));
  g_assert_cmpint (options.column[HL_IMPORT_FIELD_NOTES], ==, -1);
  g_assert_cmpint (options.column[HL_IMPORT_FIELD_KIND], ==, 3);
  g_assert_false (hl_import_mapping_from_string (named, "money:Loss", &options, &error));
  g_assert_cmpstr (error->message, ==, "“money” is not a field (date, end, title, usd, count, "
                   "lane, kind, actor, confidence, url, source, notes)");
  g_clear_error (&error);
  g_assert_false (hl_import_mapping_from_string (named, "usd:Damage", &options, &error));
  g_assert_cmpstr (error->message, ==, "the file has no column “Damage”");
}

static void
test_all_amount_forms (void)
{
  const double expected[] = { 1.2e6, 1.2e6, 1.2e6, 5e6, 1.2e9, 41e6, 250e3, 3.5e9, 7e6, 1e5 };
  HlImportOptions options;
  g_autoptr(HlImportResult) r = NULL;

  hl_import_options_init (&options);
  r = import_guessed ("amounts.csv", &options, NULL);
  g_assert_cmpuint (hl_import_result_get_n_problems (r), ==, 0);
  g_assert_cmpuint (hl_import_result_get_n_events (r), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpfloat_with_epsilon (hl_import_result_get_event (r, i)->usd, expected[i], 1e-3);
}

static void
test_bad_rows (void)
{
  const char *expected =
    "bad-amounts.csv: row 3, column C (usd): “12 apples” is not an amount\n"
    "bad-amounts.csv: row 4, column C (usd): “-5” is negative; an amount is 0 or more\n"
    "bad-amounts.csv: row 5, column C (usd): “€5M” is not in US dollars\n"
    "bad-amounts.csv: row 6, column C (usd): “1,2,3” has its digits grouped wrongly for “.” as "
    "the decimal separator";
  HlImportOptions options;
  g_autoptr(HlImportResult) r = NULL;
  g_autofree char *text = NULL;

  hl_import_options_init (&options);
  r = import_guessed ("bad-amounts.csv", &options, NULL);
  text = hl_import_result_describe_problems (r, 10);
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpuint (hl_import_result_get_n_bad_rows (r), ==, 4);
  /* the good rows stay: the one with its amount (nothing became a zero),
   * and the one whose amount cell is empty, as an amount not known */
  g_assert_cmpuint (hl_import_result_get_n_events (r), ==, 2);
  g_assert_cmpuint (hl_import_result_get_event (r, 0)->row, ==, 2);
  g_assert_false (hl_import_result_get_event (r, 0)->has_usd);
  g_assert_true (hl_import_result_get_event (r, 0)->usd_unknown);
  g_assert_cmpstr (hl_import_result_get_event (r, 1)->title, ==, "F");
  g_assert_cmpfloat (hl_import_result_get_event (r, 1)->usd, ==, 3e6);
  g_assert_cmpuint (hl_import_result_get_problem (r, 0)->row, ==, 3);
  g_assert_cmpint (hl_import_result_get_problem (r, 0)->column, ==, 2);
}

static void
test_many_bad_rows (void)
{
  HlImportOptions options;
  g_autoptr(HlImportResult) r = NULL;
  g_autofree char *text = NULL;

  hl_import_options_init (&options);
  r = import_guessed ("many-bad.csv", &options, NULL);
  g_assert_cmpuint (hl_import_result_get_n_problems (r), ==, 60);
  g_assert_cmpuint (hl_import_result_get_n_events (r), ==, 1);
  text = hl_import_result_describe_problems (r, 3);
  g_assert_cmpstr (text, ==,
                   "many-bad.csv: row 2, column C (usd): “lots” is not an amount\n"
                   "many-bad.csv: row 3, column C (usd): “lots” is not an amount\n"
                   "many-bad.csv: row 4, column C (usd): “lots” is not an amount\n"
                   "and 57 more problems");
  g_assert_null (hl_import_result_get_problem (r, HL_IMPORT_MAX_PROBLEMS));
}

typedef struct
{
  const char *file;
  guint       n_events;
  const char *problems;
} RowsCase;

static void
test_row_problems (void)
{
  const RowsCase cases[] = {
    { "blank-lines.csv", 1, "blank-lines.csv: row 5, column C (Loss): “oops” is not an amount" },
    { "bad-confidence.csv", 1, "bad-confidence.csv: row 3, column D (confidence): “maybe” is "
                               "not a confidence (official, analyst, suspected or disputed)" },
    { "end-before-date.csv", 1, "end-before-date.csv: row 3, column B (end): the end "
                                "“2023-09-01” is before the date “2023-09-05”" },
    { "dates-no-offset.csv", 1, "dates-no-offset.csv: row 2, column A (date): “2023-09-04 "
                                "12:00” has a time but no UTC offset; give the time zone" },
    { "korean.csv", 1, "korean.csv: row 3, column C (피해액): “1.2억” is not an amount" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HlImportOptions options;
      g_autoptr(HlImportResult) r = NULL;
      g_autofree char *text = NULL;

      g_test_message ("%s", cases[i].file);
      hl_import_options_init (&options);
      r = import_guessed (cases[i].file, &options, NULL);
      text = hl_import_result_describe_problems (r, 10);
      g_assert_cmpstr (text, ==, cases[i].problems);
      g_assert_cmpuint (hl_import_result_get_n_events (r), ==, cases[i].n_events);
    }
}

static void
test_lanes_and_counts (void)
{
  HlImportOptions options;
  g_autoptr(HlImportResult) r = NULL;
  g_autoptr(HlDataset) ds = NULL;
  g_autoptr(GError) error = NULL;

  hl_import_options_init (&options);
  r = import_guessed ("lanes-column.csv", &options, NULL);
  g_assert_cmpuint (hl_import_result_get_n_problems (r), ==, 0);
  g_assert_cmpuint (hl_import_result_get_n_lanes (r), ==, 2);
  g_assert_cmpstr (hl_import_result_get_lane (r, 1), ==, "satellites");
  ds = hl_import_result_to_dataset (r, "lanes-column.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpint (hl_dataset_get_lane (ds, 0)->measure, ==, HL_MEASURE_COUNT);
  g_assert_cmpuint (hl_dataset_get_event (ds, 1)->count, ==, 2);
  g_assert_cmpstr (hl_dataset_get_event (ds, 2)->kind, ==, "satellite");
  g_assert_cmpuint (hl_dataset_get_event (ds, 2)->lane, ==, 1);
}

/* CSV -> dataset JSON on disk -> the loader: the same events. */
static void
test_round_trip (void)
{
  const char *files[] = { "korean-good.csv", "dates-iso.csv", "newline-in-quotes.csv",
                          "crlf.csv", "semicolon-decimal-comma.csv", "blank-amount.csv" };
  g_autofree char *dir = hl_test_make_tmpdir ();

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *out = g_build_filename (dir, "out.json", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (out);
      g_autoptr(HlImportResult) r = NULL;
      g_autoptr(HlDataset) ds = NULL;
      g_autoptr(GError) error = NULL;
      HlImportOptions options;

      g_test_message ("%s", files[f]);
      hl_import_options_init (&options);
      r = import_guessed (files[f], &options, NULL);
      g_assert_cmpuint (hl_import_result_get_n_problems (r), ==, 0);
      g_assert_true (hl_import_result_save (r, out, HL_ATOMIC_FILE_FLAGS_NONE, &error));
      ds = hl_dataset_new_from_file (file, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (hl_dataset_get_n_events (ds), ==, hl_import_result_get_n_events (r));
      for (guint i = 0; i < hl_import_result_get_n_events (r); i++)
        {
          const HlImportEvent *want = hl_import_result_get_event (r, i);
          g_autofree char *id = g_strdup_printf ("row-%u", want->row);
          const HlEvent *got = hl_dataset_get_event (ds, hl_dataset_find_event (ds, id));

          g_assert_cmpstr (got->date, ==, want->date);
          g_assert_cmpstr (got->title, ==, want->title);
          g_assert_cmpfloat (got->usd, ==, want->usd);
          /* an empty amount cell comes back as "usd": null */
          g_assert_cmpint (got->usd_unknown, ==, want->usd_unknown);
          g_assert_cmpstr (got->notes, ==, want->notes);
          g_assert_cmpuint (got->n_sources, ==, want->url ? 1 : 0);
          if (want->url)
            {
              g_assert_cmpstr (got->sources[0].url, ==, want->url);
              g_assert_cmpstr (got->sources[0].title, ==, want->source);
            }
        }
      g_remove (out);
    }
  hl_test_remove_tmpdir (dir);
}

/* A source's name without a link is kept in the notes, not dropped. */
static void
test_source_without_url (void)
{
  HlImportOptions options;
  g_autoptr(HlImportResult) r = NULL;

  hl_import_options_init (&options);
  r = import_guessed ("korean-good.csv", &options, NULL);
  g_assert_cmpstr (hl_import_result_get_event (r, 0)->title, ==, "스테이크 카지노");
  g_assert_cmpstr (hl_import_result_get_event (r, 0)->source, ==, "FBI");
  g_assert_cmpstr (hl_import_result_get_event (r, 1)->notes, ==, "Source: Elliptic");
  g_assert_null (hl_import_result_get_event (r, 1)->source);
}

/* "end" in the format: an end column's dates come through the loader. */
static void
test_end (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "good-end.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) ds = hl_dataset_new_from_file (file, NULL, &error);
  g_autoptr(HlImportResult) r = NULL;
  g_autoptr(HlDataset) imported = NULL;
  HlImportOptions options;
  const HlEvent *e;

  g_assert_no_error (error);
  e = hl_dataset_get_event (ds, hl_dataset_find_event (ds, "campaign"));
  g_assert_true (e->has_end);
  g_assert_cmpstr (e->end, ==, "2023-09-10");
  /* a calendar date ends with its whole day */
  g_assert_cmpint (e->end_time, ==, hl_date_from_ymd (2023, 9, 11));
  e = hl_dataset_get_event (ds, hl_dataset_find_event (ds, "same-day"));
  g_assert_true (e->has_end);
  g_assert_cmpint (e->end_time, ==, e->time);
  e = hl_dataset_get_event (ds, hl_dataset_find_event (ds, "day-of-time"));
  g_assert_cmpint (e->end_time, ==, hl_date_from_ymd (2023, 9, 15));
  e = hl_dataset_get_event (ds, hl_dataset_find_event (ds, "instant"));
  g_assert_false (e->has_end);
  g_assert_null (e->end);

  hl_import_options_init (&options);
  r = import_guessed ("end-before-date.csv", &options, NULL);
  imported = hl_import_result_to_dataset (r, "end-before-date.csv", &error);
  g_assert_no_error (error);
  e = hl_dataset_get_event (imported, hl_dataset_find_event (imported, "row-2"));
  g_assert_cmpstr (e->end, ==, "2023-09-10");
  g_assert_cmpint (e->end_time, ==, hl_date_from_ymd (2023, 9, 11));
}

/* ------------------------------------------------------------------ */
/* heistline --import */

static char *
fixture (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, "csv", name, NULL);
}

/* Into a span lane: no amount column needed, the guessed count column
 * not taken, ends kept, an instant without one; an amount column mapped
 * on purpose, or an unknown measure, is refused and nothing written. */
static void
test_cli_span (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *out_arg = g_strconcat ("--output=", out, NULL);
  g_autofree char *in = g_strconcat ("--import=", TEST_DATA_DIR, "/csv/span-measures.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(HlDataset) ds = NULL;
  g_autoptr(GError) error = NULL;
  const HlEvent *e;
  HlTestRun r;

  hl_test_run_cli (&r, in, out_arg, "--import-measure=span", "--import-lane=measures",
                   "--map=date:Start,end:Until,title:Measure", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "3 events in 1 lane written to "));
  hl_test_run_clear (&r);
  ds = hl_dataset_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hl_dataset_get_lane (ds, 0)->measure, ==, HL_MEASURE_SPAN);
  g_assert_cmpstr (hl_dataset_get_lane (ds, 0)->id, ==, "measures");
  e = hl_dataset_get_event (ds, 0);
  g_assert_cmpstr (e->title, ==, "UN 1718 listing");
  g_assert_cmpstr (e->end, ==, "2019-12-31");
  e = hl_dataset_get_event (ds, 1);
  g_assert_cmpstr (e->title, ==, "제재 지정");
  g_assert_false (e->has_end);
  g_assert_cmpstr (hl_dataset_get_event (ds, 2)->title, ==, "تصنيف العقوبات");
  g_clear_object (&ds);
  g_assert_true (g_unlink (out) == 0);

  hl_test_run_cli (&r, in, out_arg, "--import-measure=span",
                   "--map=date:Start,end:Until,title:Measure,count:Count", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "span-measures.csv: a span lane's events have no amount; "
                                   "map no “count” column\n"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  hl_test_run_clear (&r);

  hl_test_run_cli (&r, in, out_arg, "--import-measure=cubic", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "heistline: --import-measure: “cubic” is not one of usd, count, "
                              "span\n");
  hl_test_run_clear (&r);
  HL_TEST_ASSERT_DIR (dir, "");
  hl_test_remove_tmpdir (dir);
}

/* The same through the API, and the dataset the window would show. */
static void
test_span_measure (void)
{
  g_autoptr(HlCsvTable) table = load_table ("span-measures.csv");
  g_autoptr(HlImportResult) r = NULL;
  g_autoptr(HlDataset) ds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  HlImportOptions options;

  hl_import_options_init (&options);
  options.column[HL_IMPORT_FIELD_DATE] = 0;
  options.column[HL_IMPORT_FIELD_END] = 1;
  options.column[HL_IMPORT_FIELD_TITLE] = 2;
  options.lane_id = g_strdup ("measures");
  options.has_measure = TRUE;
  options.measure = HL_MEASURE_SPAN;
  r = hl_import_run (table, &options, "span-measures.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_import_result_get_n_bad_rows (r), ==, 0);
  json = hl_import_result_to_json (r, NULL);
  g_assert_nonnull (strstr (json, "\"measure\" : \"span\""));
  g_assert_null (strstr (json, "\"count\""));
  ds = hl_import_result_to_dataset (r, "span-measures.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_dataset_get_n_events (ds), ==, 3);
  g_assert_cmpint (hl_dataset_get_lane (ds, 0)->measure, ==, HL_MEASURE_SPAN);
  g_assert_true (hl_dataset_get_event (ds, 2)->has_end);
  hl_import_options_clear (&options);
}

static void
test_cli (void)
{
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out.json", NULL);
  g_autofree char *out_arg = g_strconcat ("--output=", out, NULL);
  g_autofree char *bad = g_strconcat ("--import=", TEST_DATA_DIR, "/csv/bad-amounts.csv", NULL);
  g_autofree char *amb = g_strconcat ("--import=", TEST_DATA_DIR, "/csv/dates-ambiguous.csv",
                                      NULL);
  g_autofree char *nohead = g_strconcat ("--import=", TEST_DATA_DIR, "/csv/no-header.csv", NULL);
  g_autofree char *latin = g_strconcat ("--import=", TEST_DATA_DIR, "/csv/latin1.csv", NULL);
  g_autofree char *path = fixture ("bad-amounts.csv");
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(HlDataset) ds = NULL;
  g_autoptr(GError) error = NULL;
  HlTestRun r;

  /* bad rows: listed by row and column, exit 1, nothing written */
  hl_test_run_cli (&r, bad, out_arg, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "bad-amounts.csv: row 3, column C (usd): “12 apples” is not "
                                   "an amount\n"));
  g_assert_nonnull (strstr (r.err, "bad-amounts.csv: 4 rows cannot be read; nothing was "
                                   "written\n"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  HL_TEST_ASSERT_DIR (dir, "");
  hl_test_run_clear (&r);

  /* ambiguous dates: said, and nothing written until the format is given */
  hl_test_run_cli (&r, amb, out_arg, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "the dates read as day/month/year and as month/day/year "
                                   "alike; give --date-format=dmy or --date-format=mdy"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  hl_test_run_clear (&r);
  hl_test_run_cli (&r, amb, out_arg, "--date-format=mdy", "--import-lane=heists", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "3 events in 1 lane written to "));
  ds = hl_dataset_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hl_dataset_get_event (ds, 0)->date, ==, "2023-03-04");
  g_assert_cmpstr (hl_dataset_get_lane (ds, 0)->id, ==, "heists");
  g_assert_cmpstr (hl_dataset_get_title (ds), ==, "dates-ambiguous");
  hl_test_run_clear (&r);
  g_clear_object (&ds);

  /* no header: columns by number */
  hl_test_run_cli (&r, nohead, out_arg, "--map=date:1,title:2,usd:3", NULL);
  g_assert_cmpint (r.status, ==, 0);
  ds = hl_dataset_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (hl_dataset_get_event (ds, 1)->usd, ==, 120e6);
  hl_test_run_clear (&r);

  hl_test_run_cli (&r, latin, out_arg, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "latin1.csv: line 3: byte 0xE9 at byte offset 52 is not "
                                   "UTF-8"));
  hl_test_run_clear (&r);

  hl_test_run_cli (&r, nohead, out_arg, "--delimiter=x", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "heistline: --delimiter: “x” is not one of , ; | tab\n");
  hl_test_run_clear (&r);
  hl_test_run_cli (&r, bad, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "heistline: --import needs --output=OUT.json\n");
  hl_test_run_clear (&r);
  hl_test_run_cli (&r, nohead, out_arg, "--map=usd:Money", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.err, ==, "heistline: --map: the file has no column “Money”\n");
  hl_test_run_clear (&r);

  g_remove (out);
  (void) path;
  hl_test_remove_tmpdir (dir);
}

/* A column of grades gives the confidence whatever its header says; the
 * same header over attackers' names gives the actor. */
static void
test_guess_confidence_by_values (void)
{
  g_autoptr(HlCsvTable) grades = load_table ("attribution-grades.csv");
  g_autoptr(HlCsvTable) actors = load_table ("attribution-actors.csv");
  g_autofree char *map = NULL;
  HlImportOptions options;

  hl_import_options_init (&options);
  hl_import_guess (grades, &options, NULL);
  map = hl_import_mapping_to_string (grades, &options);
  g_assert_cmpstr (map, ==, "date:Date,title:Incident,usd:Loss (USD),confidence:Attribution");
  g_clear_pointer (&map, g_free);

  hl_import_options_init (&options);
  hl_import_guess (actors, &options, NULL);
  map = hl_import_mapping_to_string (actors, &options);
  g_assert_cmpstr (map, ==, "date:Date,title:Incident,usd:Loss (USD),actor:Attribution");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/import/amounts", test_amounts);
  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/zone", test_zone);
  g_test_add_func ("/import/guess-date-format", test_guess_date_format);
  g_test_add_func ("/import/guess-columns", test_guess_columns);
  g_test_add_func ("/import/guess-confidence-by-values", test_guess_confidence_by_values);
  g_test_add_func ("/import/mapping-from-string", test_mapping_from_string);
  g_test_add_func ("/import/all-amount-forms", test_all_amount_forms);
  g_test_add_func ("/import/bad-rows", test_bad_rows);
  g_test_add_func ("/import/many-bad-rows", test_many_bad_rows);
  g_test_add_func ("/import/row-problems", test_row_problems);
  g_test_add_func ("/import/lanes-and-counts", test_lanes_and_counts);
  g_test_add_func ("/import/round-trip", test_round_trip);
  g_test_add_func ("/import/source-without-url", test_source_without_url);
  g_test_add_func ("/import/end", test_end);
  g_test_add_func ("/import/cli", test_cli);
  g_test_add_func ("/import/cli-span", test_cli_span);
  g_test_add_func ("/import/span-measure", test_span_measure);
  return g_test_run ();
}
