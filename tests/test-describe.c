/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The words for amounts, ranges and counts, as tables: one wording in the
 * panel and the hover card, digits grouped, no range whose ends are the
 * same. */
#include "config.h"

#include "hl-describe.h"

static void
test_usd (void)
{
  static const struct { double usd; const char *words; } cases[] = {
    { 0, "$0" },
    { 12, "$12" },
    { 950, "$950" },
    { 5500, "$5,500" },
    { 550000, "$550,000" },
    { 999999, "$999,999" },
    { 1e6, "$1.0 million" },
    { 1.72e6, "$1.72 million" },
    { 7.62e6, "$7.62 million" },
    { 41e6, "$41.0 million" },
    { 200e6, "$200.0 million" },
    { 1.5e9, "$1.5 billion" },
    { 3.5e12, "$3.5 trillion" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = hl_describe_usd (cases[i].usd);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_usd_range (void)
{
  static const struct { double low, high; const char *words; } cases[] = {
    { 550000, 7.62e6, "$550,000 – $7.62 million" },
    { 114e6, 130e6, "$114.0 million – $130.0 million" },
    /* Both ends equal, or equal as written: one amount, never a range */
    { 200e6, 200e6, "$200.0 million" },
    { 200.01e6, 200.02e6, "$200.0 million" },
    { 0, 0, "$0" },
    /* Given the wrong way round: still low to high */
    { 7.62e6, 550000, "$550,000 – $7.62 million" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = hl_describe_usd_range (cases[i].low, cases[i].high);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_number (void)
{
  static const struct { guint64 n; const char *words; } cases[] = {
    { 0, "0" },
    { 7, "7" },
    { 999, "999" },
    { 1000, "1,000" },
    { 31337, "31,337" },
    { 1000000, "1,000,000" },
    { G_GUINT64_CONSTANT (18446744073709551615), "18,446,744,073,709,551,615" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = hl_describe_number (cases[i].n);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_count (void)
{
  static const struct { const char *unit; guint64 n; const char *words; } cases[] = {
    { "Missiles or rockets", 31, "\u2068Missiles or rockets\u2069: 31" },
    { "Missiles or rockets", 1000000, "\u2068Missiles or rockets\u2069: 1,000,000" },
    { NULL, 1, "1 item" },
    { NULL, 1000000, "1,000,000 items" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      HlLane lane = { 0 };
      g_autofree char *words = NULL;

      lane.unit = (char *) cases[i].unit;
      words = hl_describe_count (&lane, cases[i].n);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_events (void)
{
  static const struct { guint n; const char *words; } cases[] = {
    { 0, "no events" },
    { 1, "1 event" },
    { 10, "10 events" },
    { 12345, "12,345 events" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = hl_describe_events (cases[i].n);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

static void
test_matches (void)
{
  static const struct { guint n, position, outside, hidden; const char *words; } cases[] = {
    { 0, 0, 0, 0, "No matches" },
    { 0, 0, 0, 1, "1 match hidden by filters" },
    { 0, 0, 0, 3, "3 matches hidden by filters" },
    { 1, 0, 0, 0, "1 match" },
    { 9, 0, 0, 0, "9 matches" },
    { 9, 3, 1, 0, "3 of 9, 1 outside the view" },
    { 9, 0, 1, 0, "9 matches, 1 outside the view" },
    { 2, 0, 0, 1, "2 matches, 1 hidden by filters" },
    { 1200, 1000, 1100, 0, "1,000 of 1,200, 1,100 outside the view" },
    /* A position past the end is no position */
    { 2, 5, 0, 0, "2 matches" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = hl_describe_matches (cases[i].n, cases[i].position,
                                                    cases[i].outside, cases[i].hidden);

      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/describe/usd", test_usd);
  g_test_add_func ("/describe/usd-range", test_usd_range);
  g_test_add_func ("/describe/number", test_number);
  g_test_add_func ("/describe/count", test_count);
  g_test_add_func ("/describe/events", test_events);
  g_test_add_func ("/describe/matches", test_matches);
  return g_test_run ();
}
