/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `heistline --analyze` run as the built binary with no display: the
 * bundled dataset's numbers field by field (worked out from
 * data/heistline.json alone by tests/proximity-reference.py, which does
 * not use Heistline's code), the same CSV and JSON in every locale, usage
 * errors that exit 2 naming the option, bad data that exits 1. */
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "test-util.h"

static JsonObject *
parse_object (JsonParser *parser, const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The default analysis of the bundled dataset: heists before launches,
 * 30 days, its default range 1 July 2023 to 31 January 2024: 14 heists,
 * 17 launches (all but 4 dated to the minute in Korean time, counted on
 * their Korean date). */
static void
test_json_fields (void)
{
  static const struct { const char *id; gint64 n; gint64 usd; } rows[] = {
    { "2023-07-12-icbm", 0, 0 }, { "2023-07-19-srbm", 0, 0 },
    { "2023-07-22-cm", 1, 37300000 }, { "2023-07-24-srbm", 2, 97300000 },
    { "2023-08-xx-cm-ship", 4, 100060000 }, { "2023-08-24-slv", 2, 2760000 },
    { "2023-08-30-srbm", 2, 2760000 }, { "2023-09-02-cm", 2, 2760000 },
    { "2023-09-13-srbm", 3, 96620000 }, { "2023-11-21-slv", 2, 124100000 },
    { "2023-11-22-bm", 3, 237100000 }, { "2023-12-17-srbm", 2, 115390976 },
    { "2023-12-18-icbm", 2, 115390976 }, { "2024-01-14-irbm", 1, 81500000 },
    { "2024-01-24-cm", 2, 83220000 }, { "2024-01-28-slcm", 2, 83220000 },
    { "2024-01-30-cm", 2, 83220000 },
  };
  static const struct { const char *id; const char *date; gint64 lag; } lags[] = {
    { "coinspaid-2023", "2023-07-22", 0 }, { "alphapo-2023", "2023-07-23", 1 },
    { "steadefi-2023", "2023-08-07", 14 }, { "c8-2023", "2023-08-16", 5 },
    { "stake-2023", "2023-09-04", 9 }, { "coinex-2023", "2023-09-12", 1 },
    { "mixin-2023", "2023-09-23", 59 }, { "fantom-foundation-2023", "2023-10-17", 35 },
    { "poloniex-2023", "2023-11-10", 11 }, { "samudai-2023", "2023-11-10", 11 },
    { "htx-heco-2023", "2023-11-22", 0 }, { "okx-dex-2023", "2023-12-12", 5 },
    { "orbit-bridge-2023", "2023-12-31", 14 }, { "concentricfi-2024", "2024-01-22", 2 },
  };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o, *test;
  JsonArray *table, *lag_list;
  HlTestRun r;

  hl_test_run_cli (&r, "--analyze", "--format=json", NULL);
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
  g_assert_cmpint (json_object_get_int_member (o, "lead_events"), ==, 14);
  g_assert_cmpint (json_object_get_int_member (o, "follow_events"), ==, 17);
  g_assert_cmpint (json_object_get_int_member (o, "lead_total"), ==, 725395564);
  /* all but Mixin (59 days) and Fantom (35 days) */
  g_assert_cmpint (json_object_get_int_member (o, "statistic"), ==, 725395564 - 200000000 - 7624588);
  g_assert_cmpint (json_object_get_int_member (o, "within_events"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (o, "no_later_events"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (o, "no_later_amount"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "no_amount")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "imprecise_dates")),
                    ==, 0);

  test = json_object_get_object_member (o, "test");
  g_assert_cmpint (json_object_get_int_member (test, "shifts"), ==, 10000);
  g_assert_cmpint (json_object_get_int_member (test, "seed"), ==, 12);
  /* Over all 215 shifts, 162 (75.3 %) reach $517.77M: 10,000 random ones
   * find about as many (7,535, give or take 4.5 standard deviations of
   * 43); p = (k + 1) / 10,001. */
  g_assert_cmpint (json_object_get_int_member (test, "k"), >, 7300);
  g_assert_cmpint (json_object_get_int_member (test, "k"), <, 7770);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (test, "p"),
                                  (json_object_get_int_member (test, "k") + 1) / 10001.0, 1e-12);
  g_assert_false (json_object_get_boolean_member (test, "closer_than_chance"));
  /* most shifts catch more than the real timing does */
  g_assert_cmpint (json_object_get_int_member (test, "null_median"), >, 517770976);
  g_assert_cmpint (json_object_get_int_member (test, "null_p95"), >=,
                   json_object_get_int_member (test, "null_median"));
  g_assert_cmpint (json_object_get_int_member (test, "null_p95"), <=, 725395564);

  table = json_object_get_array_member (o, "table");
  g_assert_cmpuint (json_array_get_length (table), ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (table, i);

      g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, rows[i].id);
      g_assert_cmpint (json_object_get_int_member (row, "lead_events"), ==, rows[i].n);
      g_assert_cmpint (json_object_get_int_member (row, "lead_amount"), ==, rows[i].usd);
    }
  /* a date-time is counted, and given, on its own date as written: 08:24
   * in Korea on 18 December (17 December in UTC) */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (table, 12),
                                                  "date"), ==, "2023-12-18");
  lag_list = json_object_get_array_member (o, "lags");
  g_assert_cmpuint (json_array_get_length (lag_list), ==, G_N_ELEMENTS (lags));
  for (guint i = 0; i < G_N_ELEMENTS (lags); i++)
    {
      JsonObject *lag = json_array_get_object_element (lag_list, i);

      g_assert_cmpstr (json_object_get_string_member (lag, "id"), ==, lags[i].id);
      g_assert_cmpstr (json_object_get_string_member (lag, "date"), ==, lags[i].date);
      g_assert_cmpint (json_object_get_int_member (lag, "lag_days"), ==, lags[i].lag);
    }
  hl_test_run_clear (&r);
}

/* --lead, --follow, --window, --from, --to and --seed. */
static void
test_options (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) parser2 = json_parser_new ();
  JsonObject *o, *o2;
  JsonArray *lags;
  HlTestRun r, r2;

  /* Milestones lead, heists follow, 7 days, September to November only. */
  hl_test_run_cli (&r, "--analyze", "--format=json", "--lead=milestones", "--follow=heists", "--window=7",
       "--from=2023-09-01", "--to=2023-11-30", "--seed=5", NULL);
  g_assert_cmpint (r.status, ==, 0);
  o = parse_object (parser, r.out);
  g_assert_cmpstr (json_object_get_string_member (o, "to"), ==, "2023-11-30");
  g_assert_cmpint (json_object_get_int_member (o, "range_days"), ==, 91);
  g_assert_cmpint (json_object_get_int_member (o, "lead_events"), ==, 3);
  /* Stake, CoinEx, Mixin, Fantom, Poloniex, Samudai and HTX */
  g_assert_cmpint (json_object_get_int_member (o, "follow_events"), ==, 7);
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
  hl_test_run_cli (&r2, "--analyze", "--format=json", "--lead=milestones", "--follow=heists", "--window=7",
       "--from=2023-09-01", "--to=2023-11-30", "--seed=5", NULL);
  g_assert_cmpstr (r.out, ==, r2.out);
  hl_test_run_clear (&r2);
  hl_test_run_cli (&r2, "--analyze", "--format=json", "--window=14", "--seed=99", NULL);
  o2 = parse_object (parser2, r2.out);
  g_assert_cmpint (json_object_get_int_member (o2, "statistic"), ==, 517770976);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (o2, "test"), "seed"),
                   ==, 99);
  hl_test_run_clear (&r);
  hl_test_run_clear (&r2);
}

static void
test_csv_and_text (void)
{
  g_auto(GStrv) lines = NULL;
  HlTestRun r, ko;

  hl_test_run_cli (&r, "--analyze", "--format=csv", NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 17 + 1);
  g_assert_cmpstr (lines[0], ==,
                   "follow_id,follow_date,follow_title,window_days,lead_events,lead_amount");
  g_assert_cmpstr (lines[11], ==, "\"2023-11-22-bm\",\"2023-11-22\",\"Ballistic missile (failed)\","
                                  "30,3,237100000");
  g_assert_cmpstr (lines[17], ==, "\"2024-01-30-cm\",\"2024-01-30\",\"Hwasal-2 cruise missiles\","
                                  "30,2,83220000");
  g_assert_cmpstr (lines[18], ==, "");

  /* Machine formats do not follow the locale: the same bytes in Korean. */
  hl_test_run_cli_in (&ko, "ko_KR.UTF-8", "--analyze", "--format=csv", NULL);
  g_assert_cmpstr (ko.out, ==, r.out);
  hl_test_run_clear (&r);
  hl_test_run_clear (&ko);
  hl_test_run_cli (&r, "--analyze", "--format=json", NULL);
  hl_test_run_cli_in (&ko, "ko_KR.UTF-8", "--analyze", "--format=json", NULL);
  g_assert_cmpstr (ko.out, ==, r.out);
  hl_test_run_clear (&r);
  hl_test_run_clear (&ko);

  hl_test_run_cli (&r, "--analyze", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "Leading lane: Crypto heists (heists)\n"
                                          "Following lane: Missile and satellite launches "
                                          "(launches)\n"
                                          "Range: 2023-07-01 to 2024-01-31 (215 days)\n"));
  g_assert_nonnull (strstr (r.out, "  2023-11-22  Ballistic missile (failed): 3 events, $237M\n"));
  g_assert_nonnull (strstr (r.out, "  2023-12-18  Hwasong-18 ICBM: 2 events, $115M\n"));
  g_assert_nonnull (strstr (r.out, "  2023-09-23  Mixin Network: 59\n"));
  g_assert_nonnull (strstr (r.out, "Within the window: $518M of $725M (12 of 14 leading events)\n"));
  g_assert_nonnull (strstr (r.out, "The timing is not closer than chance: Crypto heists within "
                                   "30 days before Missile and satellite launches came to $518M"));
  g_assert_nonnull (strstr (r.out, "This does not show that one caused the other.\n"));
  /* no isolate reaches the terminal, not even escaped */
  g_assert_null (strstr (r.out, "\\u2068"));
  g_assert_null (strstr (r.out, "\xe2\x81\xa8"));
  hl_test_run_clear (&r);
}

/* Korean launch times count on their Korean date, not the UTC one. C8
 * (16 August 2023) is 8 days before the satellite of 24 August 03:50 in
 * Korea (23 August in UTC), so not within 7 days; Fantom (27 January 2022)
 * is on the day of the launch of 08:00 in Korea (26 January in UTC). */
static void
test_korean_dates (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o, *row, *lag;
  HlTestRun r;

  hl_test_run_cli (&r, "--analyze", "--format=json", "--window=7", NULL);
  g_assert_cmpint (r.status, ==, 0);
  o = parse_object (parser, r.out);
  row = json_array_get_object_element (json_object_get_array_member (o, "table"), 4);
  g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, "2023-08-xx-cm-ship");
  g_assert_cmpint (json_object_get_int_member (row, "lead_events"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (row, "lead_amount"), ==, 1620000);
  row = json_array_get_object_element (json_object_get_array_member (o, "table"), 5);
  g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, "2023-08-24-slv");
  g_assert_cmpstr (json_object_get_string_member (row, "date"), ==, "2023-08-24");
  g_assert_cmpint (json_object_get_int_member (row, "lead_events"), ==, 0);
  hl_test_run_clear (&r);

  hl_test_run_cli (&r, "--analyze", "--format=json", "--from=2022-01-01", "--to=2022-03-31", NULL);
  g_assert_cmpint (r.status, ==, 0);
  o = parse_object (parser, r.out);
  g_assert_cmpint (json_object_get_int_member (o, "lead_events"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (o, "follow_events"), ==, 10);
  lag = json_array_get_object_element (json_object_get_array_member (o, "lags"), 0);
  g_assert_cmpstr (json_object_get_string_member (lag, "id"), ==, "fantom-allo-2022");
  g_assert_cmpint (json_object_get_int_member (lag, "lag_days"), ==, 0);
  hl_test_run_clear (&r);
}

/* 2017: an amount not known (Youbit, "usd": null) counts 0 and is listed;
 * it and NiceHash have no later launch in the range and are reported
 * apart; Bithumb and Yapizon, known to the month only, are counted on the
 * first of their month, as the file writes them, and listed as such. */
static void
test_uncertain_2017 (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;
  JsonArray *lags, *no_amount, *imprecise;
  HlTestRun r;

  hl_test_run_cli (&r, "--analyze", "--format=json", "--from=2017-01-01", "--to=2017-12-31", NULL);
  g_assert_cmpint (r.status, ==, 0);
  o = parse_object (parser, r.out);
  g_assert_cmpint (json_object_get_int_member (o, "range_days"), ==, 365);
  g_assert_cmpint (json_object_get_int_member (o, "lead_events"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (o, "follow_events"), ==, 15);
  g_assert_cmpint (json_object_get_int_member (o, "lead_total"), ==, 74490000);
  /* Bithumb $7M and Yapizon $5.3M */
  g_assert_cmpint (json_object_get_int_member (o, "statistic"), ==, 12300000);
  g_assert_cmpint (json_object_get_int_member (o, "within_events"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "no_later_events"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (o, "no_later_amount"), ==, 60000000);
  no_amount = json_object_get_array_member (o, "no_amount");
  g_assert_cmpuint (json_array_get_length (no_amount), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (no_amount, 0), ==, "youbit-2017");
  imprecise = json_object_get_array_member (o, "imprecise_dates");
  g_assert_cmpuint (json_array_get_length (imprecise), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (imprecise, 0), ==, "bithumb-2017");
  g_assert_cmpstr (json_array_get_string_element (imprecise, 1), ==, "yapizon-2017");
  lags = json_object_get_array_member (o, "lags");
  g_assert_cmpuint (json_array_get_length (lags), ==, 5);
  /* 1 February to the MRBM of 12 February */
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lags, 0),
                                               "lag_days"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (lags, 2),
                                               "lag_days"), ==, 67);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (lags, 3),
                                              "lag_days"));
  g_assert_true (json_object_get_null_member (json_array_get_object_element (lags, 4),
                                              "lag_days"));
  hl_test_run_clear (&r);

  hl_test_run_cli (&r, "--analyze", "--from=2017-01-01", "--to=2017-12-31", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "No later following event: 2 leading events, $60M\n"));
  g_assert_nonnull (strstr (r.out, "Without an amount (counted as 0): 1\n"
                                   "  2017-12-19  Youbit (Yapian)\n"));
  g_assert_nonnull (strstr (r.out, "  2017-12-19  Youbit (Yapian): none later\n"));
  g_assert_nonnull (strstr (r.out, "Dated to the month or year only (counted on its first "
                                   "day): 2\n  2017-02-01  Bithumb\n"
                                   "  2017-04-01  Yapizon (later Youbit)\n"));
  hl_test_run_clear (&r);
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
  HlTestRun r;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      hl_test_run_cli (&r, "--analyze", cases[i].args[0], cases[i].args[1], NULL);
      if (r.status != cases[i].status || strstr (r.err, cases[i].says) == NULL)
        g_error ("case %u (%s): exit %d, stderr “%s”; wanted %d and “%s”", i, cases[i].args[0],
                 r.status, r.err, cases[i].status, cases[i].says);
      g_assert_cmpstr (r.out, ==, "");
      hl_test_run_clear (&r);
    }
  /* analysis options alone are a mistake, not a window to open */
  hl_test_run_cli (&r, "--window=14", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--window needs --analyze"));
  hl_test_run_clear (&r);

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"heistline-dataset/1\",\n  \"lanes\": 3}",
                                      -1, NULL));
  hl_test_run_cli (&r, "--analyze", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "bad.json"));
  g_assert_nonnull (strstr (r.err, "lanes"));
  g_assert_cmpstr (r.out, ==, "");
  hl_test_run_clear (&r);
  hl_test_remove_tmpdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/analyze/json-fields", test_json_fields);
  g_test_add_func ("/cli/analyze/options", test_options);
  g_test_add_func ("/cli/analyze/csv-and-text", test_csv_and_text);
  g_test_add_func ("/cli/analyze/korean-dates", test_korean_dates);
  g_test_add_func ("/cli/analyze/uncertain-2017", test_uncertain_2017);
  g_test_add_func ("/cli/analyze/errors", test_errors);
  return g_test_run ();
}
