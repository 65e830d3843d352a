/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 13: several files in one view, composed into one dataset. */
#include "config.h"

#include "hl-columns.h"
#include "hl-dataset.h"
#include "hl-view.h"

static const char a_json[] =
  "{\"format\":\"heistline-dataset/1\",\"title\":\"Crypto heists\","
  "\"default_range\":{\"from\":\"2023-07-01\",\"to\":\"2024-01-01\"},"
  "\"lanes\":[{\"id\":\"heists\",\"title\":\"Heists\",\"measure\":\"usd\"},"
  "{\"id\":\"launches\",\"title\":\"Launches\",\"measure\":\"count\"}],"
  "\"periods\":[{\"from\":\"2023-08-01\",\"to\":\"2023-09-01\",\"label\":\"Drill\"}],"
  "\"facts\":[{\"text\":\"A fact of a\",\"sources\":[{\"title\":\"A report\","
  "\"url\":\"https://a.example/report\"}]}],"
  "\"events\":["
  "{\"id\":\"e1\",\"lane\":\"heists\",\"date\":\"2023-08-10\",\"title\":\"Heist one\","
  "\"usd\":1000000,\"sources\":[{\"title\":\"A news\",\"url\":\"https://a.example/1\"}]},"
  "{\"id\":\"e2\",\"lane\":\"launches\",\"date\":\"2023-09-10\",\"title\":\"Launch of a\"}]}";

static const char b_json[] =
  "{\"format\":\"heistline-dataset/1\",\"title\":\"Missile tests\","
  "\"default_range\":{\"from\":\"2023-01-01\",\"to\":\"2023-12-01\"},"
  "\"lanes\":[{\"id\":\"launches\",\"title\":\"Launches\",\"measure\":\"count\"},"
  "{\"id\":\"drills\",\"title\":\"Drills\",\"measure\":\"count\"}],"
  "\"periods\":[{\"from\":\"2023-08-01\",\"to\":\"2023-09-01\",\"label\":\"Drill\"},"
  "{\"from\":\"2023-10-01\",\"to\":\"2023-10-15\",\"label\":\"Talks\"}],"
  "\"facts\":[{\"text\":\"A fact of b\",\"sources\":[{\"title\":\"B report\","
  "\"url\":\"https://b.example/report\"}]}],"
  "\"events\":["
  "{\"id\":\"e1\",\"lane\":\"launches\",\"date\":\"2023-08-11\",\"title\":\"Launch of b\","
  "\"count\":3,\"sources\":[{\"title\":\"B news\",\"url\":\"https://b.example/1\"}]},"
  "{\"id\":\"b2\",\"lane\":\"drills\",\"date\":\"2023-03-01\",\"title\":\"Drill of b\"}]}";

static HlDataset *
load (const char *json, const char *name)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  HlDataset *dataset = hl_dataset_new_from_bytes (bytes, name, NULL, &error);

  g_assert_no_error (error);
  return dataset;
}

static const HlEvent *
event_by_id (HlDataset *dataset, const char *id)
{
  int i = hl_dataset_find_event (dataset, id);

  g_assert_cmpint (i, >=, 0);
  return hl_dataset_get_event (dataset, i);
}

/* Lane ids that clash are namespaced in the later file, both titles name
 * their file; event ids likewise; each event knows its file. */
static void
test_clashing_ids (void)
{
  g_autoptr(HlDataset) a = load (a_json, "a.json");
  g_autoptr(HlDataset) b = load (b_json, "b.json");
  HlDataset *parts[] = { a, b };
  g_autoptr(GError) error = NULL;
  g_autoptr(HlDataset) both = hl_dataset_compose (parts, 2, &error);
  const HlEvent *ev;

  g_assert_no_error (error);
  g_assert_cmpuint (hl_dataset_get_n_lanes (both), ==, 4);
  g_assert_cmpstr (hl_dataset_get_lane (both, 0)->id, ==, "heists");
  g_assert_cmpstr (hl_dataset_get_lane (both, 0)->title, ==, "Heists");
  g_assert_cmpstr (hl_dataset_get_lane (both, 1)->id, ==, "launches");
  g_assert_cmpstr (hl_dataset_get_lane (both, 1)->title, ==, "Launches (a.json)");
  g_assert_cmpstr (hl_dataset_get_lane (both, 2)->id, ==, "b:launches");
  g_assert_cmpstr (hl_dataset_get_lane (both, 2)->title, ==, "Launches (b.json)");
  g_assert_cmpstr (hl_dataset_get_lane (both, 3)->id, ==, "drills");
  g_assert_cmpstr (hl_dataset_get_lane (both, 3)->title, ==, "Drills");
  g_assert_cmpint (hl_dataset_get_lane (both, 2)->measure, ==, HL_MEASURE_COUNT);

  g_assert_cmpuint (hl_dataset_get_n_events (both), ==, 4);
  ev = event_by_id (both, "e1");
  g_assert_cmpstr (ev->title, ==, "Heist one");
  g_assert_cmpuint (ev->part, ==, 0);
  g_assert_cmpuint (ev->lane, ==, 0);
  ev = event_by_id (both, "b:e1");
  g_assert_cmpstr (ev->title, ==, "Launch of b");
  g_assert_cmpuint (ev->part, ==, 1);
  g_assert_cmpuint (ev->lane, ==, 2);
  g_assert_cmpuint (ev->count, ==, 3);
  g_assert_cmpuint (ev->n_sources, ==, 1);
  g_assert_cmpstr (ev->sources[0].url, ==, "https://b.example/1");
  g_assert_cmpstr (event_by_id (both, "e1")->sources[0].url, ==, "https://a.example/1");
  ev = event_by_id (both, "b2");
  g_assert_cmpuint (ev->part, ==, 1);
  g_assert_cmpuint (ev->lane, ==, 3);
  /* sorted by time across the files */
  g_assert_cmpstr (hl_dataset_get_event (both, 0)->id, ==, "b2");
  g_assert_cmpstr (hl_dataset_get_event (both, 3)->id, ==, "e2");

  g_assert_cmpuint (hl_dataset_get_n_parts (both), ==, 2);
  g_assert_true (hl_dataset_get_part (both, 1) == b);
  g_assert_cmpstr (hl_dataset_get_title (both), ==, "Crypto heists + Missile tests");
  g_assert_cmpstr (hl_dataset_get_display_name (both), ==, "a.json, b.json");
}

/* Periods (a shared one once), facts and their sources, the default
 * range over both. */
static void
test_sources_facts_periods (void)
{
  g_autoptr(HlDataset) a = load (a_json, "a.json");
  g_autoptr(HlDataset) b = load (b_json, "b.json");
  HlDataset *parts[] = { a, b };
  g_autoptr(HlDataset) both = hl_dataset_compose (parts, 2, NULL);
  gint64 from, to, a_from, a_to, b_from, b_to;

  g_assert_nonnull (both);
  g_assert_cmpuint (hl_dataset_get_n_periods (both), ==, 2);
  g_assert_cmpstr (hl_dataset_get_period (both, 0)->label, ==, "Drill");
  g_assert_cmpstr (hl_dataset_get_period (both, 1)->label, ==, "Talks");
  g_assert_cmpuint (hl_dataset_get_n_facts (both), ==, 2);
  g_assert_cmpstr (hl_dataset_get_fact (both, 0)->text, ==, "A fact of a");
  g_assert_cmpstr (hl_dataset_get_fact (both, 0)->sources[0].url, ==, "https://a.example/report");
  g_assert_cmpstr (hl_dataset_get_fact (both, 1)->text, ==, "A fact of b");
  g_assert_cmpstr (hl_dataset_get_fact (both, 1)->sources[0].title, ==, "B report");
  hl_dataset_get_default_range (both, &from, &to);
  hl_dataset_get_default_range (a, &a_from, &a_to);
  hl_dataset_get_default_range (b, &b_from, &b_to);
  g_assert_cmpint (from, ==, b_from);
  g_assert_cmpint (to, ==, a_to);
  /* the level of detail sums the composed lanes */
  {
    HlRangeSum sum;

    hl_dataset_lane_sum (both, 2, 0, hl_dataset_lane_get_n_events (both, 2), &sum);
    g_assert_cmpuint (sum.count, ==, 3);
    g_assert_cmpint (sum.largest, ==, hl_dataset_find_event (both, "b:e1"));
  }
}

/* One file composes to itself. */
static void
test_one_is_itself (void)
{
  g_autoptr(HlDataset) a = load (a_json, "a.json");
  HlDataset *parts[] = { a };
  g_autoptr(HlDataset) one = hl_dataset_compose (parts, 1, NULL);

  g_assert_true (one == a);
  g_assert_cmpuint (hl_dataset_get_n_parts (one), ==, 1);
  g_assert_true (hl_dataset_get_part (one, 0) == a);
  g_assert_cmpuint (hl_dataset_get_event (one, 0)->part, ==, 0);
}

/* A file of 32 lanes, each with one event. */
static HlDataset *
wide_dataset (guint file)
{
  g_autoptr(GString) s = g_string_new ("{\"format\":\"heistline-dataset/1\",\"lanes\":[");
  g_autofree char *name = g_strdup_printf ("wide%u.json", file);

  for (guint i = 0; i < HL_DATASET_MAX_LANES; i++)
    g_string_append_printf (s, "%s{\"id\":\"l%u\",\"measure\":\"count\"}", i ? "," : "", i);
  g_string_append (s, "],\"events\":[");
  for (guint i = 0; i < HL_DATASET_MAX_LANES; i++)
    g_string_append_printf (s, "%s{\"id\":\"e%u\",\"lane\":\"l%u\",\"date\":\"2023-0%u-01\","
                            "\"title\":\"t\",\"count\":%u}", i ? "," : "", i, i,
                            1 + file % 9, file + 1);
  g_string_append (s, "]}");
  return load (s->str, name);
}

/* Past 32 lanes in all: up to 8 files of 32; a hidden lane past 32 is
 * hidden and its totals are its own; a ninth file is refused. */
static void
test_many_lanes (void)
{
  HlDataset *parts[HL_DATASET_MAX_FILES + 1];
  g_autoptr(HlDataset) all = NULL;
  g_autoptr(HlDataset) too_many = NULL;
  g_autoptr(GError) error = NULL;
  HlColumns *columns;
  const HlTotals *totals;
  HlView view;
  guint lane;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    parts[i] = wide_dataset (i);
  all = hl_dataset_compose (parts, HL_DATASET_MAX_FILES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hl_dataset_get_n_lanes (all), ==, 256);
  g_assert_cmpstr (hl_dataset_get_lane (all, 255)->id, ==, "wide7:l31");
  g_assert_cmpstr (hl_dataset_get_lane (all, 255)->title, ==, "l31 (wide7.json)");

  hl_view_init (&view, all);
  hl_view_fit_all (&view, all);
  lane = (guint) hl_dataset_find_lane (all, "wide6:l8");
  g_assert_cmpuint (lane, ==, 6 * 32 + 8);
  columns = hl_columns_new (all, &view, 100);
  totals = hl_columns_get_totals (columns);
  g_assert_cmpuint (totals->lanes[lane].count, ==, 7);
  g_assert_cmpuint (totals->lanes[255].count, ==, 8);
  g_assert_cmpuint (totals->count, ==, 32 * (1 + 2 + 3 + 4 + 5 + 6 + 7 + 8));
  hl_columns_free (columns);

  hl_lane_mask_set (&view.hidden_lanes, lane);
  g_assert_false (hl_view_shows_event (&view, all, event_by_id (all, "wide6:e8")));
  g_assert_true (hl_view_shows_event (&view, all, event_by_id (all, "wide6:e9")));
  columns = hl_columns_new (all, &view, 100);
  totals = hl_columns_get_totals (columns);
  g_assert_cmpuint (totals->lanes[lane].count, ==, 0);
  g_assert_cmpuint (totals->count, ==, 32 * 36 - 7);
  hl_columns_free (columns);
  hl_view_clear (&view);

  too_many = hl_dataset_compose (parts, G_N_ELEMENTS (parts), &error);
  g_assert_null (too_many);
  g_assert_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "9 files: at most 8 can be shown together");
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_object_unref (parts[i]);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/compose/clashing-ids", test_clashing_ids);
  g_test_add_func ("/compose/sources-facts-periods", test_sources_facts_periods);
  g_test_add_func ("/compose/one-is-itself", test_one_is_itself);
  g_test_add_func ("/compose/many-lanes", test_many_lanes);
  return g_test_run ();
}
