/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `heistline --analyze` run as the built binary with no display: the
 * bundled dataset's numbers field by field (worked out by hand from
 * data/heistline.json), the same CSV and JSON in every locale, usage
 * errors that exit 2 naming the option, bad data that exits 1. */
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* Runs heistline with @args (NULL-terminated) in @lang ("" for C). */
static void
run_in (Result *r, const char *lang, ...)
{
  const char *bin = g_getenv ("HEISTLINE_BIN");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;
  int wait_status;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  if (lang[0] != '\0')
    {
      env = g_environ_setenv (env, "LC_ALL", lang, TRUE);
      env = g_environ_setenv (env, "LANG", lang, TRUE);
      env = g_environ_setenv (env, "LANGUAGE", "ko", TRUE);
    }
  g_ptr_array_add (argv, (gpointer) (bin ? bin : "heistline"));
  va_start (ap, lang);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  memset (r, 0, sizeof *r);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

#define run(r, ...) run_in (r, "", __VA_ARGS__)

static JsonObject *
parse_object (JsonParser *parser, const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The default analysis of the bundled dataset: heists before launches,
 * 30 days, its default range 1 July 2023 to 31 January 2024. */
static void
test_json_fields (void)
{
  static const struct { const char *id; gint64 n; gint64 usd; } rows[] = {
    { "2023-07-12-icbm", 0, 0 }, { "2023-07-19-srbm", 0, 0 },
    { "2023-07-22-cm", 1, 37300000 }, { "2023-07-24-srbm", 2, 97300000 },
    { "2023-08-xx-cm-ship", 2, 97300000 }, { "2023-08-24-slv", 0, 0 },
    { "2023-08-30-srbm", 0, 0 }, { "2023-09-02-cm", 0, 0 },
    { "2023-09-13-srbm", 2, 95000000 }, { "2023-11-21-slv", 1, 123000000 },
    { "2023-11-22-bm", 2, 236000000 }, { "2023-12-17-srbm", 1, 113000000 },
    { "2023-12-18-icbm", 1, 113000000 }, { "2024-01-14-irbm", 1, 81500000 },
    { "2024-01-24-cm", 2, 83220000 }, { "2024-01-28-slcm", 2, 83220000 },
    { "2024-01-30-cm", 2, 83220000 },
  };
  static const struct { const char *id; gint64 lag; } lags[] = {
    { "coinspaid-2023", 0 }, { "alphapo-2023", 1 }, { "stake-2023", 9 },
    { "coinex-2023", 1 }, { "mixin-2023", 59 }, { "fantom-foundation-2023", 35 },
    { "poloniex-2023", 11 }, { "htx-heco-2023", 0 }, { "orbit-bridge-2023", 14 },
    { "concentricfi-2024", 2 },
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o, *test;
  JsonArray *table, *lag_list;
  Result r;

  run (&r, "--analyze", "--format=json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  o = parse_object (parser, r.out);
  g_assert_cmpstr (json_object_get_string_member (o, "format"), ==, "heistline-analysis/1");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "lead"), "id"),
                   ==, "heists");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "follow"),
                                                  "id"), ==, "launches");
  g_assert_cmpstr (json_object_get_string_member (o, "from"), ==, "2023-07-01");
  g_assert_cmpstr (json_object_get_string_member (o, "to"), ==, "2024-01-31");
  g_assert_cmpint (json_object_get_int_member (o, "range_days"), ==, 215);
  g_assert_cmpint (json_object_get_int_member (o, "window_days"), ==, 30);
  g_assert_cmpint (json_object_get_int_member (o, "lead_events"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (o, "follow_events"), ==, 17);
  g_assert_cmpint (json_object_get_int_member (o, "lead_total"), ==, 719144588);
  /* all but Mixin (59 days) and Fantom (35 days) */
  g_assert_cmpint (json_object_get_int_member (o, "statistic"), ==, 511520000);
  g_assert_cmpint (json_object_get_int_member (o, "within_events"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (o, "no_later_events"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "no_later_amount"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "no_amount")), ==, 0);

  test = json_object_get_object_member (o, "test");
  g_assert_cmpint (json_object_get_int_member (test, "shifts"), ==, 10000);
  g_assert_cmpint (json_object_get_int_member (test, "seed"), ==, 12);
  /* Over all 215 shifts, 162 (75 %) reach $511.52M: 10,000 random ones
   * find about as many; p = (k + 1) / 10,001. */
  g_assert_cmpint (json_object_get_int_member (test, "k"), >, 7300);
  g_assert_cmpint (json_object_get_int_member (test, "k"), <, 7770);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (test, "p"),
                                  (json_object_get_int_member (test, "k") + 1) / 10001.0, 1e-12);
  g_assert_false (json_object_get_boolean_member (test, "closer_than_chance"));
  /* most shifts catch more than the real timing does */
  g_assert_cmpint (json_object_get_int_member (test, "null_median"), >, 511520000);
  g_assert_cmpint (json_object_get_int_member (test, "null_p95"), >=,
                   json_object_get_int_member (test, "null_median"));

  table = json_object_get_array_member (o, "table");
  g_assert_cmpuint (json_array_get_length (table), ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (table, i);

      g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, rows[i].id);
      g_assert_cmpint (json_object_get_int_member (row, "lead_events"), ==, rows[i].n);
      g_assert_cmpint (json_object_get_int_member (row, "lead_amount"), ==, rows[i].usd);
    }
  lag_list = json_object_get_array_member (o, "lags");
  g_assert_cmpuint (json_array_get_length (lag_list), ==, G_N_ELEMENTS (lags));
  for (guint i = 0; i < G_N_ELEMENTS (lags); i++)
    {
      JsonObject *lag = json_array_get_object_element (lag_list, i);

      g_assert_cmpstr (json_object_get_string_member (lag, "id"), ==, lags[i].id);
      g_assert_cmpint (json_object_get_int_member (lag, "lag_days"), ==, lags[i].lag);
    }
  result_clear (&r);
}

/* --lead, --follow, --window, --from, --to and --seed. */
static void
test_options (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  JsonObject *o, *o2;
  JsonArray *lags;
  Result r, r2;

  /* Milestones lead, heists follow, 7 days, September to November only. */
  run (&r, "--analyze", "--format=json", "--lead=milestones", "--follow=heists", "--window=7",
       "--from=2023-09-01", "--to=2023-11-30", "--seed=5", NULL);
  g_assert_cmpint (r.status, ==, 0);
  o = parse_object (parser, r.out);
  g_assert_cmpstr (json_object_get_string_member (o, "to"), ==, "2023-11-30");
  g_assert_cmpint (json_object_get_int_member (o, "range_days"), ==, 91);
  g_assert_cmpint (json_object_get_int_member (o, "lead_events"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (o, "follow_events"), ==, 6);
  /* counts: the submarine (6 Sep) is 6 days before CoinEx (12 Sep); the two
   * engine tests (11 and 14 Nov) have no later heist until HTX (22 Nov) */
  lags = json_object_get_array_member (o, "lags");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lags, 0),
                                               "lag_days"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lags, 1),
                                               "lag_days"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lags, 2),
                                               "lag_days"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (o, "statistic"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o, "test"), "seed"),
                   ==, 5);

  /* The same seed gives the same numbers, another seed other shifts. */
  run (&r2, "--analyze", "--format=json", "--lead=milestones", "--follow=heists", "--window=7",
       "--from=2023-09-01", "--to=2023-11-30", "--seed=5", NULL);
  g_assert_cmpstr (r.out, ==, r2.out);
  result_clear (&r2);
  run (&r2, "--analyze", "--format=json", "--window=14", "--seed=99", NULL);
  o2 = parse_object (parser2, r2.out);
  g_assert_cmpint (json_object_get_int_member (o2, "statistic"), ==, 511520000);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o2, "test"), "seed"),
                   ==, 99);
  result_clear (&r);
  result_clear (&r2);
}

static void
test_csv_and_text (void)
{
  g_auto(GStrv) lines = NULL;
  Result r, ko;

  run (&r, "--analyze", "--format=csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 17 + 1);
  g_assert_cmpstr (lines[0], ==,
                   "follow_id,follow_date,follow_title,window_days,lead_events,lead_amount");
  g_assert_cmpstr (lines[11], ==, "\"2023-11-22-bm\",\"2023-11-22\",\"Ballistic missile (failed)\","
                                  "30,2,236000000");
  g_assert_cmpstr (lines[17], ==, "\"2024-01-30-cm\",\"2024-01-30\",\"Hwasal-2 cruise missiles\","
                                  "30,2,83220000");
  g_assert_cmpstr (lines[18], ==, "");

  /* Machine formats do not follow the locale: the same bytes in Korean. */
  run_in (&ko, "ko_KR.UTF-8", "--analyze", "--format=csv", NULL);
  g_assert_cmpstr (ko.out, ==, r.out);
  result_clear (&r);
  result_clear (&ko);
  run (&r, "--analyze", "--format=json", NULL);
  run_in (&ko, "ko_KR.UTF-8", "--analyze", "--format=json", NULL);
  g_assert_cmpstr (ko.out, ==, r.out);
  result_clear (&r);
  result_clear (&ko);

  run (&r, "--analyze", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Leading lane: Crypto heists (heists)\n"
                                          "Following lane: Missile and satellite launches "
                                          "(launches)\n"
                                          "Range: 2023-07-01 to 2024-01-31 (215 days)\n"));
  g_assert_nonnull (strstr (r.out, "  2023-11-22  Ballistic missile (failed): 2 events, $236M\n"));
  g_assert_nonnull (strstr (r.out, "  2023-09-23  Mixin Network: 59\n"));
  g_assert_nonnull (strstr (r.out, "Within the window: $512M of $719M (8 of 10 leading events)\n"));
  g_assert_nonnull (strstr (r.out, "The timing is not closer than chance: Crypto heists within "
                                   "30 days before Missile and satellite launches came to $512M"));
  g_assert_nonnull (strstr (r.out, "This does not show that one caused the other.\n"));
  /* no isolate reaches the terminal, not even escaped */
  g_assert_null (strstr (r.out, "\\u2068"));
  g_assert_null (strstr (r.out, "\xe2\x81\xa8"));
  result_clear (&r);
}

static void
test_errors (void)
{
  static const struct { const char *args[3]; int status; const char *says; } cases[] = {
    { { "--lead=nope" }, 2, "--lead: the dataset has no lane “nope”" },
    { { "--follow=heists" }, 2, "--lead and --follow must name two different lanes" },
    { { "--window=-3" }, 2, "--window" },
    { { "--window=4000" }, 2, "--window" },
    { { "--seed=-5" }, 2, "--seed" },
    { { "--format=xml" }, 2, "--format: “xml” is not one of text, csv, json" },
    { { "--from=2023-02-30" }, 2, "--from" },
    { { "--from=2023-09-01", "--to=2023-08-01" }, 2, "--to must not come before --from" },
    { { "--theme=dark" }, 2, "--theme needs --export=FILE" },
    { { "--validate" }, 2, "--analyze cannot be used with --export or --validate" },
  };
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  Result r;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      run (&r, "--analyze", cases[i].args[0], cases[i].args[1], NULL);
      if (r.status != cases[i].status || strstr (r.err, cases[i].says) == NULL)
        g_error ("case %u (%s): exit %d, stderr “%s”; wanted %d and “%s”", i, cases[i].args[0],
                 r.status, r.err, cases[i].status, cases[i].says);
      g_assert_cmpstr (r.out, ==, "");
      result_clear (&r);
    }
  /* analysis options alone are a mistake, not a window to open */
  run (&r, "--window=14", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--window needs --analyze"));
  result_clear (&r);

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"heistline-dataset/1\",\n  \"lanes\": 3}",
                                      -1, NULL));
  run (&r, "--analyze", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "bad.json"));
  g_assert_nonnull (strstr (r.err, "lanes"));
  g_assert_cmpstr (r.out, ==, "");
  result_clear (&r);
  hl_test_remove_tmpdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/analyze/json-fields", test_json_fields);
  g_test_add_func ("/cli/analyze/options", test_options);
  g_test_add_func ("/cli/analyze/csv-and-text", test_csv_and_text);
  g_test_add_func ("/cli/analyze/errors", test_errors);
  return g_test_run ();
}
