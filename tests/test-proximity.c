/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Proximity (issue 12): the table, the lags and the statistic against a
 * brute-force reference on random datasets, exactly; the permutation test
 * reproducible with its seed, strong on a planted pattern, and at its
 * level on datasets whose launches ignore the heists. */
#include <math.h>
#include <string.h>

#include <cairo.h>

#include "hl-analysis-chart.h"
#include "hl-date.h"
#include "hl-proximity-private.h"
#include "hl-proximity.h"
#include "test-util.h"

#define DAY HL_SECONDS_PER_DAY

/* The generator the tests state: a money lane "lead" and a count lane
 * "follow" over @range_days from 2020-01-01; @n_lead leading events on
 * uniform random days with heavy-tailed whole-dollar amounts (one in ten
 * without an amount: 0), @n_follow following events on uniform random days
 * drawn independently, unless @planted_lag >= 0: then each leading event
 * sits @planted_lag days before one following event. A third lane, "other",
 * gets a few events that must never count. */
static HlDataset *
make_dataset (GRand *rand, guint range_days, guint n_lead, guint n_follow, int planted_lag)
{
  GString *json = g_string_new ("{\"format\": \"heistline-dataset/1\", \"title\": \"t\","
                                "\"default_range\": {\"from\": \"2020-01-01\", \"to\": \"");
  gint64 start = hl_date_from_ymd (2020, 1, 1);
  g_autofree char *to = hl_date_format_iso (start + (gint64) (range_days - 1) * DAY);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HlDataset *dataset;
  guint id = 0;

  g_string_append_printf (json, "%s\"}, \"lanes\": ["
                          "{\"id\": \"lead\", \"title\": \"Lead\", \"measure\": \"usd\"},"
                          "{\"id\": \"follow\", \"title\": \"Follow\", \"measure\": \"count\"},"
                          "{\"id\": \"other\", \"title\": \"Other\", \"measure\": \"usd\"}],"
                          "\"events\": [", to);
  for (guint i = 0; i < n_follow; i++)
    {
      int day = g_rand_int_range (rand, 0, (gint32) range_days);
      g_autofree char *date = hl_date_format_iso (start + day * DAY);

      g_string_append_printf (json, "%s{\"id\": \"e%u\", \"title\": \"f\", \"date\": \"%s\","
                              "\"lane\": \"follow\", \"count\": %d}",
                              id ? "," : "", id, date, g_rand_int_range (rand, 1, 4));
      id++;
      if (planted_lag >= 0 && i < n_lead && day >= planted_lag)
        {
          g_autofree char *lead = hl_date_format_iso (start + (day - planted_lag) * DAY);

          g_string_append_printf (json, ",{\"id\": \"e%u\", \"title\": \"l\", \"date\": \"%s\","
                                  "\"lane\": \"lead\", \"usd\": %.0f}", id, lead,
                                  floor (1e6 * exp (2.0 * g_rand_double (rand))));
          id++;
        }
    }
  for (guint i = 0; planted_lag < 0 && i < n_lead; i++)
    {
      int day = g_rand_int_range (rand, 0, (gint32) range_days);
      g_autofree char *date = hl_date_format_iso (start + day * DAY);
      double usd = g_rand_int_range (rand, 0, 10) == 0 ? 0 :
                   floor (1e5 * exp (4.0 * g_rand_double (rand)));

      g_string_append_printf (json, ",{\"id\": \"e%u\", \"title\": \"l\", \"date\": \"%s\","
                              "\"lane\": \"lead\", \"usd\": %.0f}", id, date, usd);
      id++;
    }
  for (guint i = 0; i < 3; i++, id++)
    g_string_append_printf (json, ",{\"id\": \"e%u\", \"title\": \"o\", \"date\": \"2020-01-%02u\","
                            "\"lane\": \"other\", \"usd\": 5}", id, 2 + i);
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (json);
  dataset = hl_dataset_new_from_bytes (bytes, "random.json", NULL, &error);
  g_assert_no_error (error);
  return dataset;
}

static gint64
day_of (HlDataset *dataset, guint event)
{
  return hl_date_floor_day (hl_dataset_get_event (dataset, event)->time) / DAY;
}

static gint64
units_of (HlDataset *dataset, guint event)
{
  const HlEvent *ev = hl_dataset_get_event (dataset, event);

  return (gint64) round (ev->usd * 100);
}

/* The statistic by definition: every leading event, every (shifted)
 * following event. */
static gint64
brute_statistic (HlDataset *dataset, const HlProximity *p, guint shift)
{
  gint64 first = hl_date_floor_day (p->settings.from) / DAY, total = 0;
  int range = (int) p->range_days;

  for (guint i = 0; i < p->lags->len; i++)
    {
      guint le = g_array_index (p->lags, HlProximityLag, i).event;
      int lday = (int) (day_of (dataset, le) - first);

      for (guint j = 0; j < p->rows->len; j++)
        {
          guint fe = g_array_index (p->rows, HlProximityRow, j).event;
          int fday = ((int) (day_of (dataset, fe) - first) + (int) shift) % range;

          if (fday - lday >= 0 && fday - lday <= (int) p->settings.window_days)
            {
              total += units_of (dataset, le);
              break;
            }
        }
    }
  return total;
}

static void
check_against_brute_force (HlDataset *dataset, const HlProximity *p)
{
  guint w = p->settings.window_days;
  guint n_lead = 0, n_follow = 0;

  /* Which events are in: every event of the two lanes in the range. */
  for (guint e = 0; e < hl_dataset_get_n_events (dataset); e++)
    {
      const HlEvent *ev = hl_dataset_get_event (dataset, e);

      if (ev->time < p->settings.from || ev->time >= p->settings.to)
        continue;
      n_lead += ev->lane == p->settings.lead;
      n_follow += ev->lane == p->settings.follow;
    }
  g_assert_cmpuint (p->n_lead, ==, n_lead);
  g_assert_cmpuint (p->n_follow, ==, n_follow);
  g_assert_cmpuint (p->rows->len, ==, n_follow);
  g_assert_cmpuint (p->lags->len, ==, n_lead);

  for (guint j = 0; j < p->rows->len; j++)
    {
      const HlProximityRow *row = &g_array_index (p->rows, HlProximityRow, j);
      guint n = 0;
      gint64 sum = 0;

      g_assert_cmpuint (hl_dataset_get_event (dataset, row->event)->lane, ==, p->settings.follow);
      for (guint i = 0; i < p->lags->len; i++)
        {
          guint le = g_array_index (p->lags, HlProximityLag, i).event;
          gint64 d = day_of (dataset, row->event) - day_of (dataset, le);

          if (d >= 0 && d <= w)
            {
              n++;
              sum += units_of (dataset, le);
            }
        }
      g_assert_cmpuint (row->n_lead, ==, n);
      g_assert_cmpint (row->amount, ==, sum);
    }
  for (guint i = 0; i < p->lags->len; i++)
    {
      const HlProximityLag *lag = &g_array_index (p->lags, HlProximityLag, i);
      gint64 best = -1;

      for (guint j = 0; j < p->rows->len; j++)
        {
          gint64 d = day_of (dataset, g_array_index (p->rows, HlProximityRow, j).event) -
                     day_of (dataset, lag->event);

          if (d >= 0 && (best < 0 || d < best))
            best = d;
        }
      g_assert_cmpint (lag->lag_days, ==, best);
    }
  g_assert_cmpint (p->observed, ==, brute_statistic (dataset, p, 0));
  for (guint s = 0; s < p->range_days; s += 1 + p->range_days / 40)
    g_assert_cmpint (_hl_proximity_statistic_at_shift (p, s), ==, brute_statistic (dataset, p, s));
}

static void
test_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261201);

  for (guint round = 0; round < 60; round++)
    {
      guint range = (guint) g_rand_int_range (rand, 20, 900);
      g_autoptr(HlDataset) dataset =
        make_dataset (rand, range, (guint) g_rand_int_range (rand, 0, 60),
                      (guint) g_rand_int_range (rand, 1, 40), -1);
      HlProximitySettings s;
      g_autoptr(HlProximity) p = NULL;
      g_autoptr(GError) error = NULL;

      hl_proximity_settings_init (&s, dataset, NULL);
      g_assert_cmpuint (s.lead, ==, 0);
      g_assert_cmpuint (s.follow, ==, 1);
      s.window_days = (guint) g_rand_int_range (rand, 0, 60);
      s.n_shifts = 50;
      /* Sometimes a part of the range only. */
      if (round % 3 == 1)
        s.from += (gint64) g_rand_int_range (rand, 0, (gint32) range / 2) * DAY;
      p = hl_proximity_analyze (dataset, &s, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      check_against_brute_force (dataset, p);
    }
}

static void
test_seed (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(HlDataset) dataset = make_dataset (rand, 400, 30, 20, -1);
  HlProximitySettings s;
  g_autoptr(HlProximity) a = NULL;
  g_autoptr(HlProximity) b = NULL;
  g_autoptr(HlProximity) c = NULL;

  hl_proximity_settings_init (&s, dataset, NULL);
  g_assert_cmpuint (s.seed, ==, HL_PROXIMITY_DEFAULT_SEED);
  g_assert_cmpuint (s.n_shifts, ==, 10000);
  s.window_days = 14;
  a = hl_proximity_analyze (dataset, &s, NULL, NULL, NULL, NULL);
  b = hl_proximity_analyze (dataset, &s, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (a->n_shifts, ==, 10000);
  g_assert_cmpuint (a->k, ==, b->k);
  g_assert_cmpfloat (a->p, ==, b->p);
  g_assert_cmpfloat (a->p, ==, (a->k + 1.0) / 10001.0);
  g_assert_cmpint (a->null_median, ==, b->null_median);
  g_assert_cmpint (a->null_p95, ==, b->null_p95);
  g_assert_cmpint (a->null_median, <=, a->null_p95);
  s.seed = 8;
  c = hl_proximity_analyze (dataset, &s, NULL, NULL, NULL, NULL);
  g_assert_cmpint (c->observed, ==, a->observed);
  /* another seed draws other shifts (k differs here; p stays close) */
  g_assert_cmpuint (c->k, !=, a->k);
  g_assert_cmpfloat (fabs (c->p - a->p), <, 0.03);
}

static void
test_planted (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  /* 60 launches over 2000 days, a heist 3 days before each: the 7-day
   * windows cover at most 60 * 8 = 480 days, under a third. */
  g_autoptr(HlDataset) dataset = make_dataset (rand, 2000, 60, 60, 3);
  HlProximitySettings s;
  g_autoptr(HlProximity) p = NULL;
  g_autofree char *words = NULL;

  hl_proximity_settings_init (&s, dataset, NULL);
  s.window_days = 7;
  p = hl_proximity_analyze (dataset, &s, NULL, NULL, NULL, NULL);
  g_assert_cmpuint (p->n_follow, ==, 60);
  g_assert_cmpuint (p->n_lead, >=, 55);
  g_assert_cmpuint (p->n_within, ==, p->n_lead);
  g_assert_cmpint (p->observed, ==, p->lead_total);
  g_assert_cmpfloat (p->p, <, 0.01);
  g_assert_cmpint (p->null_p95, <, p->observed);
  for (guint i = 0; i < p->lags->len; i++)
    g_assert_cmpint (g_array_index (p->lags, HlProximityLag, i).lag_days, <=, 3);
  words = hl_proximity_describe_test (dataset, p);
  g_assert_true (g_str_has_prefix (words, "The timing is closer than chance: "));
}

/* Launches placed independently of heists: a test at the 5 % level should
 * reject in about 5 % of datasets; 9 % is 5 % plus about 2.6 binomial
 * standard deviations for 200 datasets (a conservative test may reject
 * less often). */
static void
test_level (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1201);
  guint rejected = 0;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(HlDataset) dataset = make_dataset (rand, 730, 25, 15, -1);
      HlProximitySettings s;
      g_autoptr(HlProximity) p = NULL;

      hl_proximity_settings_init (&s, dataset, NULL);
      s.window_days = 14;
      s.seed = i;
      p = hl_proximity_analyze (dataset, &s, NULL, NULL, NULL, NULL);
      rejected += p->p < 0.05;
    }
  g_test_message ("p < 0.05 in %u of 200 datasets", rejected);
  g_assert_cmpuint (rejected, <=, 18);
}

static void
cancel_at_half (double fraction, gpointer user_data)
{
  if (fraction >= 0.5)
    g_cancellable_cancel (user_data);
}

static void
test_edges (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(HlDataset) dataset = make_dataset (rand, 300, 10, 5, -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  HlProximitySettings s;
  HlProximity *p;

  hl_proximity_settings_init (&s, dataset, NULL);
  s.follow = s.lead;
  p = hl_proximity_analyze (dataset, &s, NULL, NULL, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "The leading and the following lane must be different lanes");
  g_clear_error (&error);

  hl_proximity_settings_init (&s, dataset, NULL);
  p = hl_proximity_analyze (dataset, &s, cancellable, cancel_at_half, cancellable, &error);
  g_assert_null (p);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* The third lane as the follower: three events, no test needed to count. */
  s.follow = 2;
  s.n_shifts = 0;
  p = hl_proximity_analyze (dataset, &s, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (p->n_follow, ==, 3);
  g_assert_cmpuint (p->n_shifts, ==, 0);
  hl_proximity_free (p);
}

/* The bundled dataset: the launch of 22 November 2023 (23:05 in Korea)
 * had three heists in the 30 days before it: Poloniex and Samudai on
 * 10 November and HTX the same day, $237.1M (tests/proximity-reference.py
 * works the numbers out from data/heistline.json). */
static void
test_neighbours (void)
{
  HlDataset *dataset = hl_test_bundled ();
  int heists = hl_dataset_find_lane (dataset, "heists");
  int launches = hl_dataset_find_lane (dataset, "launches");
  int launch = hl_dataset_find_event (dataset, "2023-11-22-bm");
  int htx = hl_dataset_find_event (dataset, "htx-heco-2023");
  guint lane, begin, end;
  gboolean after;
  HlRangeSum sum;

  g_assert_cmpint (launch, >=, 0);
  g_assert_cmpint (htx, >=, 0);
  g_assert_true (hl_proximity_neighbour_lane (dataset, launch, heists, launches, &lane, &after));
  g_assert_cmpint (lane, ==, heists);
  g_assert_false (after);
  hl_proximity_neighbours (dataset, launch, lane, 30, after, &begin, &end);
  hl_dataset_lane_sum (dataset, lane, begin, end, &sum);
  g_assert_cmpuint (sum.n_events, ==, 3);
  g_assert_cmpfloat (sum.usd, ==, 123000000.0 + 1100000.0 + 113000000.0);
  g_assert_cmpstr (hl_dataset_get_event (dataset, (guint) sum.largest)->id, ==, "poloniex-2023");

  /* From HTX (22 November), the launches in the 30 days after: the same
   * day, 17 and 18 December. */
  g_assert_true (hl_proximity_neighbour_lane (dataset, (guint) htx, heists, launches,
                                              &lane, &after));
  g_assert_cmpint (lane, ==, launches);
  g_assert_true (after);
  hl_proximity_neighbours (dataset, (guint) htx, lane, 30, after, &begin, &end);
  hl_dataset_lane_sum (dataset, lane, begin, end, &sum);
  g_assert_cmpuint (sum.n_events, ==, 3);
  g_assert_cmpuint (sum.count, ==, 3);
}

/* The bundled reporting period, 30 days: lags 0, 1, 14, 5, 9, 1, 59, 35,
 * 11, 11, 0, 5, 14 and 2 days (CoinsPaid to ConcentricFi, worked out by
 * tests/proximity-reference.py) in bins of 2 days up to 59; the exported chart says the
 * result, its caveat and where the window ends, on the theme's background. */
static void
test_histogram (void)
{
  static const guint expected[30] = { 4, 1, 2, 0, 1, 2, 0, 2, [17] = 1, [29] = 1 };
  HlDataset *dataset = hl_test_bundled ();
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "analysis.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "analysis.png", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GArray) bins = NULL;
  g_autoptr(HlProximity) p = NULL;
  g_autoptr(GError) error = NULL;
  HlProximitySettings s;
  HlAnalysisChart chart;
  guint bin_days;

  hl_proximity_settings_init (&s, dataset, NULL);
  p = hl_proximity_analyze (dataset, &s, NULL, NULL, NULL, NULL);
  bins = hl_analysis_chart_bins (p, &bin_days);
  g_assert_cmpuint (bin_days, ==, 2);
  g_assert_cmpuint (bins->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < bins->len; i++)
    g_assert_cmpuint (g_array_index (bins, guint, i), ==, expected[i]);

  for (HlTheme theme = HL_THEME_LIGHT; theme <= HL_THEME_DARK; theme++)
    {
      cairo_surface_t *surface;

      chart = (HlAnalysisChart) { dataset, p, theme, TRUE, 1200, 675 };
      g_assert_true (hl_analysis_chart_export (&chart, HL_EXPORT_PNG, png, NULL, &error));
      g_assert_no_error (error);
      surface = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1200);
      hl_test_assert_background (surface, 4, 4, theme);
      cairo_surface_destroy (surface);
    }

  chart.theme = HL_THEME_LIGHT;
  g_assert_true (hl_analysis_chart_export (&chart, HL_EXPORT_PDF, pdf, NULL, &error));
  if (pdftotext == NULL)
    g_test_message ("pdftotext is not installed: the PDF's words are not read");
  else
    {
      const char *argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;
      int wait;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                   &text, NULL, &wait, NULL));
      flat = g_strdelimit (g_strdup (text), "\n", ' ');
      g_assert_nonnull (strstr (flat, "window: 30 days"));
      g_assert_nonnull (strstr (flat, "The timing is not closer than chance"));
      g_assert_nonnull (strstr (flat, "does not show that one caused the other."));
      g_assert_nonnull (strstr (flat, "Several windows were tried"));
    }
  hl_test_remove_tmpdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/proximity/brute-force", test_brute_force);
  g_test_add_func ("/proximity/seed", test_seed);
  g_test_add_func ("/proximity/planted", test_planted);
  g_test_add_func ("/proximity/level", test_level);
  g_test_add_func ("/proximity/edges", test_edges);
  g_test_add_func ("/proximity/neighbours", test_neighbours);
  g_test_add_func ("/proximity/histogram", test_histogram);
  return g_test_run ();
}
