/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CSV reader (src/core/hl-csv.c) on the fixtures of tests/data/csv:
 * quoting, embedded delimiters and newlines, CRLF, BOM, the delimiters,
 * and files it must refuse with the place named. */
#include "config.h"

#include <glib.h>

#include "hl-csv.h"

static HlCsvTable *
parse_fixture (const char *name, char delimiter, GError **error)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "csv", name, NULL);
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return hl_csv_parse (data, length, delimiter, name, error);
}

static HlCsvTable *
parse_ok (const char *name)
{
  g_autoptr(GError) error = NULL;
  HlCsvTable *table = parse_fixture (name, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
test_quoted (void)
{
  g_autoptr(HlCsvTable) t = parse_ok ("quoted.csv");

  g_assert_cmpuint (hl_csv_table_get_n_rows (t), ==, 2);
  g_assert_cmpint (hl_csv_table_get_delimiter (t), ==, ',');
  g_assert_cmpstr (hl_csv_table_get_cell (t, 1, 1), ==, "Stake, the casino");
  g_assert_cmpstr (hl_csv_table_get_cell (t, 1, 3), ==, "said \"hot wallets\"");
  g_assert_false (hl_csv_table_had_bom (t));
}

static void
test_newline_in_quotes (void)
{
  g_autoptr(HlCsvTable) t = parse_ok ("newline-in-quotes.csv");

  g_assert_cmpuint (hl_csv_table_get_n_rows (t), ==, 3);
  g_assert_cmpstr (hl_csv_table_get_cell (t, 1, 3), ==, "first line\nsecond, line");
  /* the record after it is row 3, though it starts on line 4 */
  g_assert_cmpuint (hl_csv_table_get_row_number (t, 2), ==, 3);
  g_assert_cmpstr (hl_csv_table_get_cell (t, 2, 1), ==, "Poloniex");
  g_assert_cmpstr (hl_csv_table_get_cell (t, 2, 3), ==, "");
}

static void
test_crlf (void)
{
  g_autoptr(HlCsvTable) t = parse_ok ("crlf.csv");

  g_assert_true (hl_csv_table_had_crlf (t));
  g_assert_cmpuint (hl_csv_table_get_n_rows (t), ==, 3);
  g_assert_cmpstr (hl_csv_table_get_cell (t, 0, 2), ==, "Loss");
  g_assert_cmpstr (hl_csv_table_get_cell (t, 1, 2), ==, "$41M");
  /* a CRLF inside quotes is one line end */
  g_assert_cmpstr (hl_csv_table_get_cell (t, 2, 1), ==, "Polo\nniex");
}

static void
test_bom (void)
{
  g_autoptr(HlCsvTable) t = parse_ok ("bom.csv");

  g_assert_true (hl_csv_table_had_bom (t));
  /* the mark is not part of the first header */
  g_assert_cmpstr (hl_csv_table_get_cell (t, 0, 0), ==, "Date");
}

static void
test_no_trailing_newline (void)
{
  g_autoptr(HlCsvTable) t = parse_ok ("no-trailing-newline.csv");

  g_assert_cmpuint (hl_csv_table_get_n_rows (t), ==, 3);
  g_assert_cmpstr (hl_csv_table_get_cell (t, 2, 2), ==, "$120M");
}

typedef struct
{
  const char *file;
  char        delimiter;
  guint       n_columns;
  const char *cell_1_2;
} DelimiterCase;

static void
test_delimiters (void)
{
  const DelimiterCase cases[] = {
    { "semicolon-decimal-comma.csv", ';', 3, "41.000.000" },
    { "tab.tsv", '\t', 4, "41000000" },
    { "pipe.csv", '|', 3, "41000000" },
    { "quoted.csv", ',', 4, "$41M" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HlCsvTable) t = parse_ok (cases[i].file);

      g_test_message ("%s", cases[i].file);
      g_assert_cmpint (hl_csv_table_get_delimiter (t), ==, cases[i].delimiter);
      g_assert_cmpuint (hl_csv_table_get_n_columns (t), ==, cases[i].n_columns);
      g_assert_cmpstr (hl_csv_table_get_cell (t, 1, 2), ==, cases[i].cell_1_2);
    }
  /* a tab-separated file's commas stay in its cells */
  {
    g_autoptr(HlCsvTable) t = parse_ok ("tab.tsv");

    g_assert_cmpstr (hl_csv_table_get_cell (t, 1, 3), ==, "a, b; c");
  }
}

/* A delimiter given is used even if another would split more. */
static void
test_delimiter_given (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlCsvTable) t = parse_fixture ("tab.tsv", ',', &error);

  g_assert_no_error (error);
  g_assert_cmpint (hl_csv_table_get_delimiter (t), ==, ',');
  g_assert_cmpstr (hl_csv_table_get_cell (t, 1, 0), ==, "2023-09-04\tStake\t41000000\ta");
}

static void
test_blank_lines (void)
{
  g_autoptr(HlCsvTable) t = parse_ok ("blank-lines.csv");

  /* the empty line is skipped, but counted: Stake is row 3 */
  g_assert_cmpuint (hl_csv_table_get_n_rows (t), ==, 4);
  g_assert_cmpuint (hl_csv_table_get_row_number (t, 1), ==, 3);
  g_assert_cmpstr (hl_csv_table_get_cell (t, 1, 1), ==, "Stake");
  g_assert_cmpuint (hl_csv_table_get_row_number (t, 3), ==, 5);
}

typedef struct
{
  const char *file;
  int         code;
  const char *message;
} ErrorCase;

static void
test_refused (void)
{
  const ErrorCase cases[] = {
    { "latin1.csv", HL_CSV_ERROR_ENCODING,
      "latin1.csv: line 3: byte 0xE9 at byte offset 52 is not UTF-8; only UTF-8 is read "
      "(save the file as CSV UTF-8)" },
    { "utf16.csv", HL_CSV_ERROR_ENCODING,
      "utf16.csv: the file is in UTF-16; save it as UTF-8 (CSV UTF-8) and open it again" },
    { "unclosed-quote.csv", HL_CSV_ERROR_SYNTAX,
      "unclosed-quote.csv: row 3, column 2: the quote opened on line 3 is never closed" },
    { "text-after-quote.csv", HL_CSV_ERROR_SYNTAX,
      "text-after-quote.csv: row 2, column 2 (line 2): text after the closing quote "
      "(write a quote inside a quoted field as \"\")" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlCsvTable) t = parse_fixture (cases[i].file, 0, &error);

      g_assert_null (t);
      g_assert_error (error, HL_CSV_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_empty_and_nul (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HlCsvTable) t = hl_csv_parse ("\n\n", 2, 0, "empty.csv", &error);

  g_assert_null (t);
  g_assert_error (error, HL_CSV_ERROR, HL_CSV_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "empty.csv: the file has no rows");
  g_clear_error (&error);
  t = hl_csv_parse ("a,b\nc\0d\n", 8, 0, "nul.csv", &error);
  g_assert_null (t);
  g_assert_cmpstr (error->message, ==,
                   "nul.csv: line 2: a NUL byte at byte offset 5: this is not a text file");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/newline-in-quotes", test_newline_in_quotes);
  g_test_add_func ("/csv/crlf", test_crlf);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/no-trailing-newline", test_no_trailing_newline);
  g_test_add_func ("/csv/delimiters", test_delimiters);
  g_test_add_func ("/csv/delimiter-given", test_delimiter_given);
  g_test_add_func ("/csv/blank-lines", test_blank_lines);
  g_test_add_func ("/csv/refused", test_refused);
  g_test_add_func ("/csv/empty-and-nul", test_empty_and_nul);
  return g_test_run ();
}
