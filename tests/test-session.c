/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HlSession without a display: each setter notifies its property once
 * when the value changes and nothing when it does not; the totals follow
 * the filters; a live reload keeps range, filters and selection; and the
 * session is finalized when its last user lets go. */
#include "config.h"

#include <string.h>

#include "hl-session.h"

typedef struct
{
  HlSession  *session;
  HlDataset  *dataset;     /* the bundled one, shown */
  HlDataset  *other;       /* a fixture with one count lane */
  GHashTable *counts;      /* property name -> notifications */
} Fixture;

static void
on_notify (GObject *object, GParamSpec *pspec, Fixture *fixture)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->counts, pspec->name));

  g_hash_table_insert (fixture->counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
}

static guint
count (Fixture *fixture, const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->counts, name));
}

static guint
total (Fixture *fixture)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_hash_table_iter_init (&iter, fixture->counts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += GPOINTER_TO_UINT (value);
  return n;
}

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good-sanctions.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  fixture->dataset = hl_dataset_new_bundled ();
  fixture->other = hl_dataset_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  fixture->session = hl_session_new ();
  hl_session_set_dataset (fixture->session, fixture->dataset);
  fixture->counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_signal_connect (fixture->session, "notify", G_CALLBACK (on_notify), fixture);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_hash_table_unref (fixture->counts);
  g_assert_finalize_object (fixture->session);
  g_object_unref (fixture->dataset);
  g_object_unref (fixture->other);
}

/* A setter, applied with a value different from the fixture's start. */
typedef void (*Change) (Fixture *fixture);

static void
change_dataset (Fixture *f)
{
  hl_session_set_dataset (f->session, f->other);
}

static void
change_file (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/tmp/heistline-session.json");

  hl_session_set_file (f->session, file);
}

#define TEN_DAYS (86400 * 10)

/* Each change sets a fixed value, so that applying it twice sets an
 * equal value the second time. */
static void
change_from (Fixture *f)
{
  gint64 from, to;

  hl_dataset_get_default_range (f->dataset, &from, &to);
  g_object_set (f->session, "from", from - TEN_DAYS, NULL);
}

static void
change_to (Fixture *f)
{
  gint64 from, to;

  hl_dataset_get_default_range (f->dataset, &from, &to);
  g_object_set (f->session, "to", to + TEN_DAYS, NULL);
}

static void
change_hidden_lanes (Fixture *f)
{
  const char *ids[] = { "heists", NULL };

  hl_session_set_hidden_lanes (f->session, ids);
}

static void
change_lane_visible (Fixture *f)
{
  hl_session_set_lane_visible (f->session, hl_dataset_find_lane (f->dataset, "launches"),
                               FALSE);
}

static void
change_hidden_confidences (Fixture *f)
{
  const char *names[] = { "suspected", NULL };

  hl_session_set_hidden_confidences (f->session, names);
}

static void
change_confidence_visible (Fixture *f)
{
  hl_session_set_confidence_visible (f->session, HL_CONFIDENCE_DISPUTED, FALSE);
}

static void
change_min_usd (Fixture *f)
{
  hl_session_set_min_usd (f->session, 50e6);
}

static void
change_search (Fixture *f)
{
  hl_session_set_search (f->session, "Hwasong");
}

static void
change_show_cumulative (Fixture *f)
{
  hl_session_set_show_cumulative (f->session, TRUE);
}

static void
change_bins (Fixture *f)
{
  hl_session_set_bins (f->session, HL_BINS_MONTH);
}

static void
change_bins_name (Fixture *f)
{
  g_object_set (f->session, "bins", "quarter", NULL);
}

static void
change_money_scale (Fixture *f)
{
  g_object_set (f->session, "money-scale", "log", NULL);
}

static void
change_selected (Fixture *f)
{
  hl_session_set_selected (f->session, hl_dataset_find_event (f->dataset, "stake-2023"));
}

static void
change_selected_id (Fixture *f)
{
  hl_session_set_selected_id (f->session, "stake-2023");
}

static void
change_hover (Fixture *f)
{
  hl_session_set_hover (f->session, 3);
}

typedef struct
{
  const char *name;
  const char *property;   /* notified exactly once */
  Change      change;
} SetterCase;

static const SetterCase setter_cases[] = {
  { "dataset", "dataset", change_dataset },
  { "file", "file", change_file },
  { "from", "from", change_from },
  { "to", "to", change_to },
  { "hidden-lanes", "hidden-lanes", change_hidden_lanes },
  { "lane-visible", "hidden-lanes", change_lane_visible },
  { "hidden-confidences", "hidden-confidences", change_hidden_confidences },
  { "confidence-visible", "hidden-confidences", change_confidence_visible },
  { "min-usd", "min-usd", change_min_usd },
  { "search", "search", change_search },
  { "show-cumulative", "show-cumulative", change_show_cumulative },
  { "bins", "bins", change_bins },
  { "bins-name", "bins", change_bins_name },
  { "money-scale", "money-scale", change_money_scale },
  { "selected", "selected", change_selected },
  { "selected-id", "selected-id", change_selected_id },
  { "hover", "hover", change_hover },
};

/* Once on change, with no property notified twice; nothing when the same
 * value is set again. */
static void
test_setter (Fixture *fixture, gconstpointer data)
{
  const SetterCase *c = data;
  GHashTableIter iter;
  gpointer key, value;

  c->change (fixture);
  g_assert_cmpuint (count (fixture, c->property), ==, 1);
  g_hash_table_iter_init (&iter, fixture->counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) != 1)
      g_error ("%s notified %u times", (char *) key, GPOINTER_TO_UINT (value));

  g_hash_table_remove_all (fixture->counts);
  c->change (fixture);
  g_assert_cmpuint (total (fixture), ==, 0);
}

typedef struct
{
  const char *name;
  void      (*move) (HlSession *session);
} RangeCase;

static void
move_range (HlSession *session)
{
  hl_session_set_range (session, hl_session_get_from (session) + 3 * TEN_DAYS,
                        hl_session_get_to (session) + 6 * TEN_DAYS);
}

static void
move_zoom (HlSession *session)
{
  hl_session_zoom (session, 2, 0.5);
}

static void
move_pan (HlSession *session)
{
  hl_session_pan (session, 0.25);
}

static void
move_fit_all (HlSession *session)
{
  hl_session_fit_all (session);
}

static const RangeCase range_cases[] = {
  { "set-range", move_range },
  { "zoom", move_zoom },
  { "pan", move_pan },
  { "fit-all", move_fit_all },
};

/* Moving the range notifies "from" and "to" once each; reset-range then
 * notifies them once more and brings back the default range. */
static void
test_range (Fixture *fixture, gconstpointer data)
{
  const RangeCase *c = data;
  gint64 from = hl_session_get_from (fixture->session);
  gint64 to = hl_session_get_to (fixture->session);

  c->move (fixture->session);
  g_assert_cmpuint (count (fixture, "from"), ==, 1);
  g_assert_cmpuint (count (fixture, "to"), ==, 1);
  g_assert_cmpuint (count (fixture, "totals"), <=, 1);
  g_assert_true (hl_session_get_from (fixture->session) != from ||
                 hl_session_get_to (fixture->session) != to);

  g_hash_table_remove_all (fixture->counts);
  hl_session_reset_range (fixture->session);
  g_assert_cmpuint (count (fixture, "from"), ==, 1);
  g_assert_cmpuint (count (fixture, "to"), ==, 1);
  g_assert_cmpint (hl_session_get_from (fixture->session), ==, from);
  g_assert_cmpint (hl_session_get_to (fixture->session), ==, to);

  g_hash_table_remove_all (fixture->counts);
  hl_session_reset_range (fixture->session);
  g_assert_cmpuint (total (fixture), ==, 0);
}

/* The totals are those of what is shown, and change with the filters. */
static void
test_totals_follow_filters (Fixture *fixture, gconstpointer data)
{
  HlSession *session = fixture->session;
  guint heists = hl_dataset_find_lane (fixture->dataset, "heists");
  guint launches = hl_dataset_find_lane (fixture->dataset, "launches");
  const HlTotals *totals = hl_session_get_totals (session);
  HlTotals direct;
  double all_usd;

  /* The bundled default range: fourteen heists, $725.4 million */
  g_assert_cmpuint (totals->lanes[heists].n_events, ==, 14);
  g_assert_cmpfloat (totals->usd, >, 725.3e6);
  g_assert_cmpfloat (totals->usd, <, 725.5e6);
  all_usd = totals->usd;
  hl_totals_compute (&direct, fixture->dataset, hl_session_get_view (session));
  g_assert_cmpuint (direct.n_count_events, ==, totals->n_count_events);

  /* Smaller heists hidden: fewer events, less money, launches as they were */
  hl_session_set_min_usd (session, 50e6);
  g_assert_cmpuint (count (fixture, "totals"), ==, 1);
  g_assert_cmpuint (totals->lanes[heists].n_events, <, 14);
  g_assert_cmpuint (totals->lanes[heists].n_events, >, 0);
  g_assert_cmpfloat (totals->usd, <, all_usd);
  g_assert_cmpuint (totals->lanes[launches].n_events, ==, direct.lanes[launches].n_events);

  /* The lane hidden: no money at all */
  g_hash_table_remove_all (fixture->counts);
  change_hidden_lanes (fixture);
  g_assert_cmpuint (count (fixture, "totals"), ==, 1);
  g_assert_cmpuint (totals->lanes[heists].n_events, ==, 0);
  g_assert_cmpuint (totals->n_usd_events, ==, 0);
  g_assert_cmpfloat (totals->usd, ==, 0);
  g_assert_cmpuint (totals->n_count_events, ==, direct.n_count_events);

  /* A search changes what matches, not what is counted */
  g_hash_table_remove_all (fixture->counts);
  /* four launches, all in the default view (the whole file has 47 "Hwasong") */
  hl_session_set_search (session, "strategic");
  g_assert_cmpuint (count (fixture, "n-matches"), ==, 1);
  g_assert_cmpuint (hl_session_get_n_matches (session), ==, 4);
  g_assert_cmpuint (totals->n_count_events, ==, direct.n_count_events);

  /* Back to no filter: the first figures again */
  hl_session_set_hidden_lanes (session, NULL);
  hl_session_set_min_usd (session, 0);
  g_assert_cmpfloat (totals->usd, ==, all_usd);
}

/* A selection the filters hide is dropped, notified once. */
static void
test_filter_drops_selection (Fixture *fixture, gconstpointer data)
{
  change_selected_id (fixture);
  g_assert_cmpstr (hl_session_get_selected_id (fixture->session), ==, "stake-2023");
  g_hash_table_remove_all (fixture->counts);
  change_hidden_lanes (fixture);
  g_assert_cmpint (hl_session_get_selected (fixture->session), ==, -1);
  g_assert_null (hl_session_get_selected_id (fixture->session));
  g_assert_cmpuint (count (fixture, "selected"), ==, 1);
  g_assert_cmpuint (count (fixture, "selected-id"), ==, 1);
}

/* A live reload keeps the range, the filters and the selection by id;
 * a new dataset starts from its default range with nothing selected. */
static void
test_replace_dataset (Fixture *fixture, gconstpointer data)
{
  HlSession *session = fixture->session;
  g_autoptr(HlDataset) reloaded = hl_dataset_new_bundled ();
  gint64 from, to;

  hl_session_zoom (session, 3, 0.2);
  change_selected_id (fixture);
  hl_session_set_min_usd (session, 10e6);   /* Stake.com took $41 million */
  from = hl_session_get_from (session);
  to = hl_session_get_to (session);

  g_hash_table_remove_all (fixture->counts);
  hl_session_replace_dataset (session, reloaded);
  g_assert_true (hl_session_get_dataset (session) == reloaded);
  g_assert_cmpuint (count (fixture, "dataset"), ==, 1);
  g_assert_cmpuint (count (fixture, "from"), ==, 0);
  g_assert_cmpuint (count (fixture, "selected-id"), ==, 0);
  g_assert_cmpuint (count (fixture, "selected"), ==, 0);   /* same event, same place */
  g_assert_cmpint (hl_session_get_from (session), ==, from);
  g_assert_cmpint (hl_session_get_to (session), ==, to);
  g_assert_cmpstr (hl_session_get_selected_id (session), ==, "stake-2023");
  g_assert_cmpfloat (hl_session_get_min_usd (session), ==, 10e6);
  g_assert_true (hl_dataset_get_event (reloaded, hl_session_get_selected (session)) != NULL);

  hl_session_set_dataset (session, fixture->other);
  hl_dataset_get_default_range (fixture->other, &from, &to);
  g_assert_null (hl_session_get_selected_id (session));
  g_assert_cmpint (hl_session_get_from (session), ==, from);
  g_assert_cmpint (hl_session_get_to (session), ==, to);
}

/* Issue 15 #2: whether a filter is on, what it hides (events, and matches
 * of the search), and one reset for all. */
static void
test_filters_active_and_reset (Fixture *fixture, gconstpointer data)
{
  HlSession *session = fixture->session;
  g_autofree char *words = NULL;
  const char *lanes[] = { "launches", NULL };

  g_assert_false (hl_session_get_filters_active (session));
  g_assert_null (hl_session_describe_filters (session));
  g_assert_cmpuint (hl_session_get_n_hidden (session), ==, 0);

  /* four launches, all in the default view (the whole file has 47 "Hwasong") */
  hl_session_set_search (session, "strategic");
  g_assert_cmpuint (hl_session_get_n_matches (session), ==, 4);
  g_assert_cmpuint (hl_session_get_n_matches_hidden (session), ==, 0);

  g_hash_table_remove_all (fixture->counts);
  hl_session_set_hidden_lanes (session, lanes);
  g_assert_true (hl_session_get_filters_active (session));
  g_assert_cmpuint (count (fixture, "filters-active"), ==, 1);
  /* The four matches are launches: all hidden by the filter now */
  g_assert_cmpuint (hl_session_get_n_matches (session), ==, 0);
  g_assert_cmpuint (hl_session_get_n_matches_hidden (session), ==, 4);
  g_assert_cmpuint (hl_session_get_n_hidden (session), >, 0);
  words = hl_session_describe_filters (session);
  g_assert_nonnull (words);
  g_assert_true (g_str_has_prefix (words, "Filters hide "));
  /* the lane title is isolated: a right-to-left one cannot reorder the line */
  g_assert_true (g_str_has_suffix (words, " events: \u2068Missile and satellite launches\u2069"));
  g_clear_pointer (&words, g_free);

  /* A smallest amount below every heist hides nothing, and says so */
  hl_session_set_hidden_lanes (session, NULL);
  hl_session_set_min_usd (session, 1000);
  words = hl_session_describe_filters (session);
  g_assert_cmpstr (words, ==, "Filters on, hiding nothing here: amounts below $1,000");
  g_clear_pointer (&words, g_free);

  hl_session_set_hidden_lanes (session, lanes);
  change_confidence_visible (fixture);
  g_hash_table_remove_all (fixture->counts);
  hl_session_reset_filters (session);
  g_assert_false (hl_session_get_filters_active (session));
  g_assert_cmpuint (count (fixture, "filters-active"), ==, 1);
  g_assert_cmpuint (count (fixture, "hidden-lanes"), ==, 1);
  g_assert_cmpuint (count (fixture, "hidden-confidences"), ==, 1);
  g_assert_cmpuint (count (fixture, "min-usd"), ==, 1);
  g_assert_cmpuint (count (fixture, "totals"), ==, 1);
  g_assert_cmpuint (hl_session_get_n_matches (session), ==, 4);
  g_assert_cmpuint (hl_session_get_n_matches_hidden (session), ==, 0);
  g_assert_cmpuint (hl_session_get_n_hidden (session), ==, 0);
  g_assert_null (hl_session_describe_filters (session));

  g_hash_table_remove_all (fixture->counts);
  hl_session_reset_filters (session);
  g_assert_cmpuint (total (fixture), ==, 0);
}

/* Issue 15 #3: the grades filter the lanes whose events differ in grade
 * only; the launches (all official) stay when Official is hidden. */
static void
test_grades_scope (Fixture *fixture, gconstpointer data)
{
  HlSession *session = fixture->session;
  int heists = hl_dataset_find_lane (fixture->dataset, "heists");
  int launches = hl_dataset_find_lane (fixture->dataset, "launches");
  const HlTotals *totals = hl_session_get_totals (session);
  guint n_launches = totals->lanes[launches].n_events;
  const char *official[] = { "official", NULL };
  HlLaneMask graded = hl_session_get_graded_lanes (session);
  HlLaneMask expected = HL_LANE_MASK_INIT;

  hl_lane_mask_set (&expected, heists);
  g_assert_true (hl_lane_mask_equal (&graded, &expected));
  hl_session_set_hidden_confidences (session, official);
  g_assert_cmpuint (totals->lanes[launches].n_events, ==, n_launches);
  g_assert_cmpuint (totals->lanes[heists].n_events, <, 14);
  g_assert_true (hl_session_get_filters_active (session));
}

/* Issue 15 #6: the match count is over the whole dataset (a pan does not
 * change it), and says how many are outside the view and which one is
 * selected. Issue 15 #2: matches the filters hide are counted apart. */
static void
test_match_counts (Fixture *fixture, gconstpointer data)
{
  HlSession *session = fixture->session;
  const char *launches[] = { "launches", NULL };
  g_autofree char *words = NULL;
  gint64 from = hl_session_get_from (session), to = hl_session_get_to (session);

  g_assert_null (hl_session_describe_matches (session));
  /* four launches, all in the default view (the whole file has 47 "Hwasong") */
  hl_session_set_search (session, "strategic");
  g_assert_cmpuint (hl_session_get_n_matches (session), ==, 4);
  g_assert_cmpuint (hl_session_get_n_matches_outside (session), ==, 0);
  words = hl_session_describe_matches (session);
  g_assert_cmpstr (words, ==, "4 matches");
  g_clear_pointer (&words, g_free);

  /* The second half of the range only: fewer in view, as many in all */
  hl_session_set_range (session, from + (to - from) / 2, to);
  g_assert_cmpuint (hl_session_get_n_matches (session), ==, 4);
  g_assert_cmpuint (hl_session_get_n_matches_outside (session), >, 0);
  g_assert_cmpuint (hl_session_get_n_matches_outside (session), <, 4);
  words = hl_session_describe_matches (session);
  g_assert_true (g_str_has_prefix (words, "4 matches, "));
  g_assert_true (g_str_has_suffix (words, " outside the view"));
  g_clear_pointer (&words, g_free);

  /* Enter: the first match in the view, its place among all four */
  g_assert_true (hl_session_step_match (session, 1));
  g_assert_cmpuint (hl_session_get_match_position (session), >, 0);
  words = hl_session_describe_matches (session);
  g_assert_nonnull (strstr (words, " of 4"));
  g_clear_pointer (&words, g_free);
  hl_session_set_selected_id (session, "stake-2023");
  g_assert_cmpuint (hl_session_get_match_position (session), ==, 0);

  /* All four are launches: hide the lane */
  hl_session_set_range (session, from, to);
  g_hash_table_remove_all (fixture->counts);
  hl_session_set_hidden_lanes (session, launches);
  g_assert_cmpuint (count (fixture, "n-matches"), ==, 1);
  g_assert_cmpuint (count (fixture, "n-matches-hidden"), ==, 1);
  words = hl_session_describe_matches (session);
  g_assert_cmpstr (words, ==, "4 matches hidden by filters");
  g_clear_pointer (&words, g_free);
  hl_session_set_hidden_lanes (session, NULL);
  hl_session_set_search (session, "no such thing anywhere");
  words = hl_session_describe_matches (session);
  g_assert_cmpstr (words, ==, "No matches");
  g_clear_pointer (&words, g_free);
  hl_session_set_search (session, "Stake.com");
  hl_session_set_hidden_lanes (session, (const char * const []) { "heists", NULL });
  words = hl_session_describe_matches (session);
  g_assert_cmpstr (words, ==, "1 match hidden by filters");
}

/* "bins" and "money-scale" read back as the names GSettings stores, set
 * the view every chart reads, and are remembered through a settings
 * binding like the window's; a name that is no choice changes nothing. */
static void
test_bins_and_scale_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.heistline.Heistline");
  g_autoptr(HlSession) later = hl_session_new ();
  g_autofree char *bins = NULL;
  g_autofree char *scale = NULL;

  g_assert_cmpint (hl_session_get_view (f->session)->bins, ==, HL_BINS_AUTO);
  g_settings_bind (settings, "bins", f->session, "bins", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "money-scale", f->session, "money-scale", G_SETTINGS_BIND_DEFAULT);
  hl_session_set_bins (f->session, HL_BINS_WEEK);
  hl_session_set_money_scale (f->session, HL_MONEY_LOG);
  g_object_get (f->session, "bins", &bins, "money-scale", &scale, NULL);
  g_assert_cmpstr (bins, ==, "week");
  g_assert_cmpstr (scale, ==, "log");
  g_assert_cmpint (hl_session_get_view (f->session)->bins, ==, HL_BINS_WEEK);
  g_assert_cmpint (hl_session_get_view (f->session)->money_scale, ==, HL_MONEY_LOG);
  g_free (bins);
  bins = g_settings_get_string (settings, "bins");
  g_assert_cmpstr (bins, ==, "week");

  /* the next window starts where this one left */
  g_settings_bind (settings, "bins", later, "bins", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "money-scale", later, "money-scale", G_SETTINGS_BIND_DEFAULT);
  g_assert_cmpint (hl_session_get_bins (later), ==, HL_BINS_WEEK);
  g_assert_cmpint (hl_session_get_money_scale (later), ==, HL_MONEY_LOG);
  g_settings_unbind (later, "bins");
  g_settings_unbind (later, "money-scale");
  g_settings_unbind (f->session, "bins");
  g_settings_unbind (f->session, "money-scale");
  g_settings_reset (settings, "bins");
  g_settings_reset (settings, "money-scale");

  g_hash_table_remove_all (f->counts);
  g_object_set (f->session, "bins", "fortnight", "money-scale", "cubic", NULL);
  g_assert_cmpint (hl_session_get_bins (f->session), ==, HL_BINS_WEEK);
  g_assert_cmpint (hl_session_get_money_scale (f->session), ==, HL_MONEY_LOG);
  g_assert_cmpuint (count (f, "bins") + count (f, "money-scale"), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (setter_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/session/notify/%s", setter_cases[i].name);

      g_test_add (path, Fixture, &setter_cases[i], fixture_set_up, test_setter,
                  fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (range_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/session/range/%s", range_cases[i].name);

      g_test_add (path, Fixture, &range_cases[i], fixture_set_up, test_range,
                  fixture_tear_down);
    }
  g_test_add ("/session/totals-follow-filters", Fixture, NULL, fixture_set_up,
              test_totals_follow_filters, fixture_tear_down);
  g_test_add ("/session/filter-drops-selection", Fixture, NULL, fixture_set_up,
              test_filter_drops_selection, fixture_tear_down);
  g_test_add ("/session/replace-dataset", Fixture, NULL, fixture_set_up,
              test_replace_dataset, fixture_tear_down);
  g_test_add ("/session/match-counts", Fixture, NULL, fixture_set_up,
              test_match_counts, fixture_tear_down);
  g_test_add ("/session/grades-scope", Fixture, NULL, fixture_set_up,
              test_grades_scope, fixture_tear_down);
  g_test_add ("/session/bins-and-scale-settings", Fixture, NULL, fixture_set_up,
              test_bins_and_scale_settings, fixture_tear_down);
  g_test_add ("/session/filters-active-and-reset", Fixture, NULL, fixture_set_up,
              test_filters_active_and_reset, fixture_tear_down);

  return g_test_run ();
}
