/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long importing a spreadsheet takes (issue 13: 100,000 rows "in a few
 * seconds"). Builds a messy CSV in memory (quoted titles with commas,
 * amounts as "$1.2M", "1,200,000", "USD 5m", dates in D/M/Y), then times
 * each step and the whole import up to the dataset loaded. Prints, like
 * heistline-bench:
 *   NAME n=N median=VALUE ms (runs=R min=MIN max=MAX)
 * Run: <builddir>/bench/heistline-import-bench [--rows N] [--runs R] */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "hl-import.h"

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* CPU time of the process (all threads): the machine is shared, and
 * wall time there includes waiting for a core. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *name, guint n, double *samples, guint runs)
{
  double m;

  qsort (samples, runs, sizeof (double), compare_doubles);
  m = runs % 2 ? samples[runs / 2] : (samples[runs / 2 - 1] + samples[runs / 2]) / 2;
  printf ("%s n=%u median=%.0f ms (runs=%u min=%.0f max=%.0f)\n", name, n, m, runs,
          samples[0], samples[runs - 1]);
  fflush (stdout);
}

static GString *
make_csv (guint rows)
{
  GString *s = g_string_new ("Date,Name,Loss (USD),Type,Attribution,Notes\n");
  GRand *rand = g_rand_new_with_seed (13);

  for (guint i = 0; i < rows; i++)
    {
      int day = 1 + i % 28, month = 1 + (i / 28) % 12, year = 2017 + (i / 336) % 9;
      double musd = pow (10, g_rand_double_range (rand, -1, 3));
      guint form = i % 5;
      char amount[64];

      if (form == 3)
        snprintf (amount, sizeof amount, "%.2e", musd * 1e6);
      else if (form == 1)
        {
          /* "1,234,567" */
          char plain[32], grouped[48];
          int len, o = 0;

          len = snprintf (plain, sizeof plain, "%.0f", musd * 1e6);
          for (int k = 0; k < len; k++)
            {
              if (k > 0 && (len - k) % 3 == 0)
                grouped[o++] = ',';
              grouped[o++] = plain[k];
            }
          grouped[o] = '\0';
          snprintf (amount, sizeof amount, "\"%s\"", grouped);
        }
      else if (form == 0)
        snprintf (amount, sizeof amount, "$%.1fM", musd);
      else if (form == 2)
        snprintf (amount, sizeof amount, "USD %.0fm", ceil (musd));
      else
        snprintf (amount, sizeof amount, "%.1f million", musd);
      g_string_append_printf (s, "%02d/%02d/%d,\"Incident %u, protocol %u\",%s,%s,%s,"
                                 "\"line one\nline two, \"\"quoted\"\"\"\n",
                              day, month, year, i, i % 97, amount,
                              i % 3 ? "bridge" : "exchange", i % 5 ? "Lazarus" : "");
    }
  g_rand_free (rand);
  return s;
}

int
main (int argc, char *argv[])
{
  int rows = 100000, runs = 5;
  const GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Rows in the file (default 100000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure (default 5)", "R" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GString) csv = NULL;
  g_autofree double *parse = NULL, *map = NULL, *load = NULL, *total = NULL, *cpu = NULL;
  g_autofree char *name = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, NULL) || rows < 1 || runs < 1)
    return 2;
  csv = make_csv (rows);
  parse = g_new (double, runs);
  map = g_new (double, runs);
  load = g_new (double, runs);
  total = g_new (double, runs);
  cpu = g_new (double, runs);
  fprintf (stderr, "import bench: %d rows, %.1f MB of CSV\n", rows, csv->len / 1e6);
  for (int r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlCsvTable) table = NULL;
      g_autoptr(HlImportResult) result = NULL;
      g_autoptr(HlDataset) dataset = NULL;
      HlImportOptions options;
      double c0 = cpu_ms (), t0 = now_ms (), t1, t2;

      table = hl_csv_parse (csv->str, csv->len, 0, "bench.csv", &error);
      g_assert_no_error (error);
      t1 = now_ms ();
      hl_import_options_init (&options);
      hl_import_guess (table, &options, NULL);
      result = hl_import_run (table, &options, "bench.csv", &error);
      g_assert_no_error (error);
      if (hl_import_result_get_n_events (result) != (guint) rows)
        g_error ("%u of %d rows imported: %s", hl_import_result_get_n_events (result), rows,
                 hl_import_result_describe_problems (result, 3));
      t2 = now_ms ();
      dataset = hl_import_result_to_dataset (result, "bench.csv", &error);
      g_assert_no_error (error);
      parse[r] = t1 - t0;
      map[r] = t2 - t1;
      load[r] = now_ms () - t2;
      total[r] = now_ms () - t0;
      cpu[r] = cpu_ms () - c0;
      hl_import_options_clear (&options);
    }
  name = g_strdup_printf ("import_%s_ms", rows == 100000 ? "100k" : "rows");
  report ("csv_parse_ms", rows, parse, runs);
  report ("import_rows_ms", rows, map, runs);
  report ("import_load_ms", rows, load, runs);
  report (name, rows, total, runs);
  report ("import_cpu_ms", rows, cpu, runs);
  return 0;
}
