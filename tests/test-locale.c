/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 15: numbers, amounts and dates are written in the conventions of
 * the language the interface is shown in, so the words and the numbers
 * next to them agree: Korean conventions with the Korean catalogue, and
 * English ones under LANG=de_DE.UTF-8, for which there is no catalogue
 * (never "$7,62 million" or "4 Mai 2023"). Run three times by meson, under
 * LANG=ko_KR.UTF-8 LANGUAGE=ko, LANG=de_DE.UTF-8 and C.UTF-8, with the
 * built catalogue (HEISTLINE_LOCALEDIR); what a machine reads (--validate,
 * CSV, JSON) is the same bytes under all three. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-describe.h"
#include "hl-money-locale.h"
#include "hl-proximity.h"
#include "hl-scale.h"
#include "test-util.h"
#ifdef HL_TEST_GTK
#include "gui-test-util.h"
#include "hl-filter-popover.h"
#endif

static gboolean korean;

/* Every label of a chart of the bundled dataset from @from to @to. */
static GPtrArray *
chart_labels (const char *from, const char *to, int width)
{
  HlDataset *dataset = hl_test_bundled ();
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HlChart) chart = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  HlView view;
  gint64 t0, t1;
  guint n;

  hl_view_init (&view, dataset);
  if (from != NULL)
    {
      g_assert_true (hl_date_parse (from, &t0, NULL, NULL));
      g_assert_true (hl_date_parse (to, &t1, NULL, NULL));
      hl_view_set_range (&view, hl_date_floor_day (t0), hl_date_floor_day (t1));
    }
  chart = hl_chart_new (dataset, &view, width, 1080);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, 1080);
  cr = cairo_create (surface);
  hl_chart_draw (chart, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  _hl_chart_get_text_boxes (chart, &n);
  for (guint i = 0; i < n; i++)
    {
      const char *label = _hl_chart_get_text_box_label (chart, i);

      g_test_message ("label %u: %s", i, label);
      g_ptr_array_add (labels, g_strdup (label));
    }
  hl_view_clear (&view);
  return labels;
}

static gboolean
any_label_matches (GPtrArray *labels, const char *pattern)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_regex_match_simple (pattern, labels->pdata[i], 0, 0))
      return TRUE;
  return FALSE;
}

/* No label writes a number or a date in the other convention. */
static void
assert_consistent (GPtrArray *labels)
{
  /* a decimal comma: "7,62", "7,6M" (English groups have 3 digits) */
  const char *comma = "[0-9],[0-9]{1,2}([^0-9]|$)";
  /* German month names that English does not share */
  const char *german = "\\b(Mai|Okt|Dez|März|Juni|Juli|Oktober|Dezember|Januar|Februar)\\b";
  const char *english = "\\b(million|billion|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|"
                        "January|July|September|October|December)\\b";

  for (guint i = 0; i < labels->len; i++)
    {
      const char *label = labels->pdata[i];

      if (g_regex_match_simple (comma, label, 0, 0) ||
          g_regex_match_simple (german, label, 0, 0) ||
          (korean && g_regex_match_simple (english, label, 0, 0)))
        g_error ("“%s” is not written in the %s conventions", label,
                 korean ? "Korean" : "English");
    }
}

/* The words of the core: amounts, counts, figures and dates. */
static void
test_words (void)
{
  HlEvent ev = { 0 };
  g_autofree char *usd = hl_describe_usd (7.62e6);
  g_autofree char *shorter = hl_money_format_short (7.6e6);
  g_autofree char *number = hl_describe_number (12345);
  g_autofree char *p = hl_describe_decimal (0.0312, 4);
  g_autofree char *day = NULL;
  g_autofree char *range = NULL;
  g_autofree char *month = NULL;

  g_assert_true (hl_date_parse ("2023-05-04", &ev.time, NULL, NULL));
  ev.date_precision = HL_DATE_PRECISION_DAY;
  day = hl_describe_event_date (&ev);
  range = hl_date_format_range (ev.time, ev.time + 150 * HL_SECONDS_PER_DAY);
  ev.date_precision = HL_DATE_PRECISION_MONTH;
  month = hl_describe_event_date (&ev);
  g_assert_cmpstr (number, ==, "12,345");
  /* the panel's neighbours over the longest window: a grouped count */
  {
    HlRangeSum sum = { 0 };
    g_autofree char *near = hl_proximity_describe_neighbours (hl_test_bundled (), 0, 3650,
                                                              TRUE, &sum);

    g_assert_true (g_str_has_prefix (near, korean ? "이후 3,650일 동안: " :
                                                    "In the 3,650 days after: "));
  }
  g_assert_cmpstr (p, ==, "0.0312");
  if (korean)
    {
      g_assert_cmpstr (usd, ==, "762만 달러");
      g_assert_cmpstr (shorter, ==, "$760만");
      g_assert_cmpstr (day, ==, "2023년 5월 4일");
      g_assert_cmpstr (month, ==, "2023년 5월(일자 미상)");
      g_assert_null (strstr (range, "Oct"));
    }
  else
    {
      g_assert_cmpstr (usd, ==, "$7.62 million");
      g_assert_cmpstr (shorter, ==, "$7.6M");
      g_assert_cmpstr (day, ==, "4 May 2023");
      g_assert_cmpstr (month, ==, "May 2023 (day not known)");
      g_assert_nonnull (strstr (range, "Oct 2023"));
    }
}

/* The hover card names a grade as the panel and the filter do, in the
 * user's language ("신뢰도: official" was the file's keyword). */
static void
test_card (void)
{
  HlDataset *dataset = hl_test_bundled ();
  g_autoptr(HlChart) chart = NULL;
  g_autofree char *card = NULL;
  HlView view;
  int i = 0;

  hl_view_init (&view, dataset);
  chart = hl_chart_new (dataset, &view, 1280, 720);
  while (hl_dataset_get_event (dataset, i)->confidence != HL_CONFIDENCE_OFFICIAL)
    i++;
  card = _hl_chart_describe_event_card (chart, hl_dataset_get_event (dataset, i));
  g_test_message ("card: %s", card);
  g_assert_nonnull (strstr (card, korean ? "\n신뢰도: 공식" : "\nConfidence: Official"));
  g_assert_null (strstr (card, "official"));
  hl_view_clear (&view);
}

/* The default view (July 2023 to January 2024): subtitle, money axis,
 * bars' labels, legend and footnote. */
static void
test_chart_text (void)
{
  g_autoptr(GPtrArray) labels = chart_labels (NULL, NULL, 1920);

  g_assert_cmpuint (labels->len, >, 10);
  assert_consistent (labels);
  if (korean)
    g_assert_true (any_label_matches (labels, "[0-9]+(\\.[0-9])?(만|억)"));
  else
    g_assert_true (any_label_matches (labels, "\\$[0-9]+\\.[0-9]M"));
}

/* A week's ticks are days under "October 2023"; a year's are months. */
static void
test_axis_ticks (void)
{
  g_autoptr(GPtrArray) week = chart_labels ("2023-10-02", "2023-10-09", 1280);
  g_autoptr(GPtrArray) year = chart_labels ("2023-01-01", "2024-01-01", 1920);

  assert_consistent (week);
  assert_consistent (year);
  g_assert_true (any_label_matches (week, korean ? "^2023년 10월$" : "^October 2023$"));
  g_assert_true (any_label_matches (year, korean ? "^5월$" : "^May$"));
  g_assert_true (any_label_matches (year, korean ? "^10월$" : "^Oct$"));
  g_assert_true (any_label_matches (year, korean ? "^12월$" : "^Dec$"));
}

/* What scripts read is the same bytes in the three locales, with the
 * catalogue bound: --validate's summary, --analyze's CSV and JSON, and
 * the lanes and events --import writes from a CSV with decimal amounts. */
static void
test_machine_output (void)
{
  static const char *const locales[] = { "C.UTF-8", "de_DE.UTF-8", "ko_KR.UTF-8" };
  g_autofree char *dir = hl_test_make_tmpdir ();
  g_autofree char *csv = g_build_filename (dir, "in.csv", NULL);
  g_autofree char *bundled = g_test_build_filename (G_TEST_DIST, "..", "data", "heistline.json",
                                                    NULL);
  g_autofree char *first = NULL;

  g_assert_true (g_file_set_contents (csv, "Date,Name,Loss\n2023-05-04,A,1234.5\n"
                                           "2023-10-02,B,7620000\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      g_autoptr(GString) all = g_string_new (NULL);
      g_autofree char *json = g_strdup_printf ("%s/out-%u.json", dir, i);
      g_autofree char *out = g_strdup_printf ("--output=%s", json);
      g_autofree char *written = NULL;
      const char *args[][2] = {
        { "--validate", NULL }, { "--analyze", "--format=csv" }, { "--analyze", "--format=json" },
      };

      for (guint k = 0; k < G_N_ELEMENTS (args); k++)
        {
          HlTestRun r;

          hl_test_run_cli_in (&r, locales[i], args[k][0], bundled, args[k][1], NULL);
          g_assert_cmpint (r.status, ==, 0);
          g_string_append (all, r.out);
          hl_test_run_clear (&r);
        }
      {
        HlTestRun r;

        hl_test_run_cli_in (&r, locales[i], "--import", csv, "--map=date:Date,title:Name,usd:Loss",
                            out, NULL);
        g_assert_cmpint (r.status, ==, 0);
        hl_test_run_clear (&r);
      }
      g_assert_true (g_file_get_contents (json, &written, NULL, NULL));
      /* the description ("Imported from …") is words, in the user's language */
      g_assert_nonnull (strstr (written, "\"usd\" : 1234.5"));
      g_string_append (all, strstr (written, "\"lanes\""));
      if (first == NULL)
        first = g_string_free (g_steal_pointer (&all), FALSE);
      else
        g_assert_cmpstr (all->str, ==, first);
    }
  hl_test_remove_tmpdir (dir);
}

#ifdef HL_TEST_GTK
static gboolean have_display;

/* The details panel of a selected heist: its amount, estimate and date,
 * and the lane summary above, in the catalogue's conventions. */
static void
test_panel (void)
{
  HlWindow *window;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) shown = NULL;
  const char *expected[][2] = {
    { "$7.62 million", "762만 5000 달러" },
    { "$550,000 – $7.62 million", "55만 달러 – 762만 5000 달러" },
    { "17 October 2023", "2023년 10월 17일" },
  };

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  window = hl_test_new_window ();
  hl_session_set_selected_id (hl_window_get_session (window), "fantom-foundation-2023");
  hl_test_wait_for_draw (GTK_WIDGET (hl_window_get_panel (window)));
  shown = hl_test_collect_labels (GTK_WIDGET (hl_window_get_panel (window)));
  for (guint i = 0; i < shown->len; i++)
    {
      g_test_message ("panel: %s", (const char *) shown->pdata[i]);
      g_ptr_array_add (labels, hl_test_visible_text (shown->pdata[i]));
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < labels->len && !found; k++)
        found = strstr (labels->pdata[k], expected[i][korean]) != NULL;
      if (!found)
        g_error ("the panel does not say “%s”", expected[i][korean]);
    }
  /* The panel also shows the dataset's notes, in English as written:
   * only the conventions are checked there, not the words. */
  {
    gboolean saved = korean;

    korean = FALSE;
    assert_consistent (labels);
    korean = saved;
  }
  hl_test_close_window (window);
}

/* The smallest amount shown, beside "million USD": the catalogue's
 * decimal mark whatever LC_NUMERIC says, both ways. */
static void
test_filter_amount (void)
{
  HlWindow *window;
  HlSession *session;
  GtkWidget *popover;
  GtkSpinButton *spin;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  window = hl_test_new_window ();
  session = hl_window_get_session (window);
  popover = hl_test_find_type (GTK_WIDGET (window), HL_TYPE_FILTER_POPOVER);
  spin = GTK_SPIN_BUTTON (hl_test_find_type (popover, GTK_TYPE_SPIN_BUTTON));
  hl_session_set_min_usd (session, 5.5e6);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "5.5");
  gtk_editable_set_text (GTK_EDITABLE (spin), "7.5");
  gtk_spin_button_update (spin);
  g_assert_cmpfloat_with_epsilon (hl_session_get_min_usd (session), 7.5e6, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "7.5");
  hl_session_set_min_usd (session, 0);
  hl_test_close_window (window);
}
#endif

int
main (int argc, char *argv[])
{
  const char *dir = g_getenv ("HEISTLINE_LOCALEDIR");
  const char *lang = g_getenv ("LC_ALL");

  g_test_init (&argc, &argv, NULL);
#ifdef HL_TEST_GTK
  hl_test_isolate_user_data ();
  have_display = gtk_init_check ();
#endif
  if (dir == NULL || lang == NULL || setlocale (LC_ALL, "") == NULL)
    {
      g_printerr ("no %s locale (localedef -i ... -f UTF-8) or no HEISTLINE_LOCALEDIR\n",
                  lang ? lang : "LC_ALL");
      return 77;
    }
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  korean = g_str_has_prefix (lang, "ko");
  g_assert_true (korean == hl_money_uses_myriads ());

  g_test_add_func ("/locale/words", test_words);
  g_test_add_func ("/locale/chart-text", test_chart_text);
  g_test_add_func ("/locale/card", test_card);
  g_test_add_func ("/locale/axis-ticks", test_axis_ticks);
  g_test_add_func ("/locale/machine-output", test_machine_output);
#ifdef HL_TEST_GTK
  g_test_add_func ("/locale/panel", test_panel);
  g_test_add_func ("/locale/filter-amount", test_filter_amount);
#endif
  return g_test_run ();
}
