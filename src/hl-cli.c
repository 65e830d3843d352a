/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line. --export and --validate run without a display and never
 * touch GTK; anything else is handed to the application. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hl-chart.h"
#include "hl-cli.h"
#include "hl-cli-import.h"
#include "hl-cli-private.h"
#include "hl-dataset.h"
#include "hl-date.h"
#include "hl-describe.h"
#include "hl-escape.h"
#include "hl-export.h"
#include "hl-notes.h"
#include "hl-proximity.h"
#include "hl-view.h"

HlCli *
hl_cli_new (void)
{
  HlCli *cli = g_new0 (HlCli, 1);

  cli->scale = 1;
  cli->window = -1;
  cli->seed = -1;
  cli->import = hl_cli_import_new ();
  return cli;
}

void
hl_cli_free (HlCli *cli)
{
  g_free (cli->export_path);
  g_free (cli->locale);
  g_free (cli->size);
  g_free (cli->preset);
  g_free (cli->from);
  g_free (cli->to);
  g_free (cli->theme);
  g_free (cli->title);
  g_free (cli->subtitle);
  g_free (cli->lanes);
  g_free (cli->lead);
  g_free (cli->follow);
  g_free (cli->format);
  g_free (cli->bins);
  g_free (cli->money_scale);
  g_strfreev (cli->files);
  g_strfreev (cli->add_files);
  hl_cli_import_free (cli->import);
  g_free (cli->view_name);
  g_free (cli->export_views);
  g_free (cli->image_format);
  g_free (cli->notes_path);
  g_clear_pointer (&cli->notes, hl_notes_free);
  g_free (cli->notes_read);
  g_free (cli);
}

/* --analyze and the options that go with it, in the main group. */
static void
add_analyze_entries (HlCli *cli, GOptionContext *context)
{
  const GOptionEntry entries[] = {
    { "analyze", 0, 0, G_OPTION_ARG_NONE, &cli->analyze,
      N_("Print which leading events came within a window before each following event, "
         "and whether that is closer than chance"), NULL },
    { "lead", 0, 0, G_OPTION_ARG_STRING, &cli->lead,
      N_("With --analyze: the leading lane (default: the first money lane)"), N_("LANE") },
    { "follow", 0, 0, G_OPTION_ARG_STRING, &cli->follow,
      N_("With --analyze: the following lane (default: the first count lane)"), N_("LANE") },
    { "window", 0, 0, G_OPTION_ARG_INT, &cli->window,
      N_("With --analyze: days before each following event (default 30)"), N_("DAYS") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &cli->seed,
      N_("With --analyze: the permutation test's seed (default 12)"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &cli->format,
      N_("With --analyze: text, csv or json"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* Parses the options. Returns FALSE when the process should exit now with
 * *exit_code (--help, --version, or a usage error already printed). */
gboolean
hl_cli_parse (HlCli *cli, int *argc, char ***argv, int *exit_code)
{
  const GOptionEntry entries[] = {
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &cli->export_path,
      N_("Write the chart to FILE (.png, .svg or .pdf) without opening a window"), N_("FILE") },
    { "size", 's', 0, G_OPTION_ARG_STRING, &cli->size,
      N_("Chart size in pixels (default 1920x1080)"), N_("WxH") },
    { "preset", 0, 0, G_OPTION_ARG_STRING, &cli->preset,
      N_("Size preset: slide-16x9, slide-4x3, hd, 4k or a4"), N_("NAME") },
    { "scale", 0, 0, G_OPTION_ARG_INT, &cli->scale,
      N_("Pixel scale of a PNG: 1, 2 or 3"), N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &cli->from,
      N_("First day shown (default: the dataset's range)"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &cli->to,
      N_("Last day shown"), N_("YYYY-MM-DD") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &cli->theme,
      N_("light, dark or transparent"), N_("THEME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &cli->title,
      N_("Chart title (default: the dataset's title)"), N_("TEXT") },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &cli->subtitle,
      N_("Chart subtitle (default: the range and totals)"), N_("TEXT") },
    { "lanes", 0, 0, G_OPTION_ARG_STRING, &cli->lanes,
      N_("Lanes to show, by id, separated by commas"), N_("ID,ID") },
    { "bins", 0, 0, G_OPTION_ARG_STRING, &cli->bins,
      N_("Group events: marks, auto, day, week, month, quarter or year (default auto)"),
      N_("UNIT") },
    { "money-scale", 0, 0, G_OPTION_ARG_STRING, &cli->money_scale,
      N_("Money axis: linear or log (default linear)"), N_("SCALE") },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &cli->no_legend, N_("Leave out the legend"), NULL },
    { "no-footnote", 0, 0, G_OPTION_ARG_NONE, &cli->no_footnote,
      N_("Leave out the source footnote"), NULL },
    { "no-periods", 0, 0, G_OPTION_ARG_NONE, &cli->no_periods,
      N_("Leave out the period bands"), NULL },
    { "cumulative", 0, 0, G_OPTION_ARG_NONE, &cli->cumulative,
      N_("Draw the running total of the money lanes"), NULL },
    { "force", 0, 0, G_OPTION_ARG_NONE, &cli->force,
      N_("Replace OUT even if it is read-only"), NULL },
    { "locale", 0, 0, G_OPTION_ARG_STRING, &cli->locale,
      N_("Words, dates and amounts of the chart in LOCALE (as ko_KR.UTF-8), not the "
         "user's"), N_("LOCALE") },
    { "add", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli->add_files,
      N_("Show FILE's lanes beside the dataset's (repeatable)"), N_("FILE") },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &cli->validate,
      N_("Check DATASET and list its problems"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &cli->version, N_("Show the version"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &cli->files, NULL,
      N_("[DATASET…]") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context,
    _("Dated events from the lanes of a dataset on one time axis.\n\n"
      "With no option, opens DATASET (or the bundled dataset of crypto heists and "
      "missile launches) in a window."));
  g_option_context_set_description (context,
    _("Exit status: 0 success, 1 bad data or I/O error, 2 bad usage."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_analyze_entries (cli, context);
  _hl_cli_add_notes_entries (context, cli);
  g_option_context_add_group (context, hl_cli_import_option_group (cli->import));

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_autofree char *shown = hl_escape_text (error->message, -1, HL_ESCAPE_NONE);

      g_printerr ("heistline: %s\n", shown);
      g_printerr (_("Try “heistline --help” for more information.\n"));
      *exit_code = HL_EXIT_USAGE;
      return FALSE;
    }
  if (cli->version)
    {
      g_print ("heistline %s\n", PACKAGE_VERSION);
      *exit_code = HL_EXIT_OK;
      return FALSE;
    }
  return TRUE;
}

/* The first option given that only means something with --export. */
static const char *
export_only_option (HlCli *cli)
{
  if (cli->size != NULL)
    return "--size";
  if (cli->preset != NULL)
    return "--preset";
  if (cli->scale != 1)
    return "--scale";
  if (cli->theme != NULL)
    return "--theme";
  if (cli->title != NULL)
    return "--title";
  if (cli->subtitle != NULL)
    return "--subtitle";
  if (cli->lanes != NULL)
    return "--lanes";
  if (cli->from != NULL)
    return "--from";
  if (cli->to != NULL)
    return "--to";
  if (cli->bins != NULL)
    return "--bins";
  if (cli->money_scale != NULL)
    return "--money-scale";
  if (cli->no_legend)
    return "--no-legend";
  if (cli->no_footnote)
    return "--no-footnote";
  if (cli->no_periods)
    return "--no-periods";
  if (cli->locale != NULL)
    return "--locale";
  if (cli->cumulative)
    return "--cumulative";
  if (cli->force)
    return "--force";
  if (cli->view_name != NULL)
    return "--view";
  if (cli->notes_path != NULL)
    return "--notes";
  if (cli->no_annotations)
    return "--no-annotations";
  if (cli->image_format != NULL)
    return "--image-format";
  return NULL;
}

/* The first option given that only means something with --analyze. */
static const char *
analyze_only_option (HlCli *cli)
{
  if (cli->lead != NULL)
    return "--lead";
  if (cli->follow != NULL)
    return "--follow";
  if (cli->window != -1)
    return "--window";
  if (cli->seed != -1)
    return "--seed";
  if (cli->format != NULL)
    return "--format";
  return NULL;
}

/* Export options without --export are a mistake to report, not a window
 * to open: that is decided here too, with no display. */
gboolean
hl_cli_is_headless (HlCli *cli)
{
  return cli->export_path != NULL || cli->export_views != NULL || cli->validate ||
         cli->analyze || export_only_option (cli) != NULL ||
         analyze_only_option (cli) != NULL || hl_cli_import_is_requested (cli->import);
}

char **
hl_cli_get_files (HlCli *cli)
{
  return cli->files;
}

/* The --add files: shown beside the first window's dataset. */
char **
hl_cli_get_added_files (HlCli *cli)
{
  return cli->add_files;
}

/* Prints @message to stderr: its lines as they are, but nothing in them
 * that a terminal would act on (paths, ids and values come from users and
 * files: "\x1b", "\u202e" instead). */
void
_hl_cli_print_error (const char *prefix, const char *message)
{
  g_autofree char *shown = hl_escape_text (message, -1, HL_ESCAPE_KEEP_NEWLINES);

  g_printerr ("%s%s\n", prefix, shown);
}

int
_hl_cli_usage_error (const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  _hl_cli_print_error ("heistline: ", msg);
  return HL_EXIT_USAGE;
}

/* The limits for this run, from the environment, read when the first file
 * is: a warning about them comes once, and only if a file is read. */
static const HlLoadOptions *
get_load_options (HlCli *cli)
{
  g_autoptr(GError) error = NULL;

  if (!cli->have_load_options &&
      !hl_load_options_init_from_env (&cli->load_options, &error))
    _hl_cli_print_error ("heistline: ", error->message);
  cli->have_load_options = TRUE;
  return &cli->load_options;
}

HlDataset *
_hl_cli_load_dataset (HlCli *cli, const char *path, GError **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return hl_dataset_new_bundled ();
  file = g_file_new_for_commandline_arg (path);
  return hl_dataset_new_from_file_full (file, get_load_options (cli), NULL, error);
}

/* "FILE: valid, 35 events in 3 lanes (2023-05-31 to 2024-01-30)", in
 * words that fit any dataset. Scripts read this line: the same words and
 * digits in every locale (issue 15), so it is not translated. */
static void
print_valid (const char *path, HlDataset *dataset)
{
  guint n_lanes = hl_dataset_get_n_lanes (dataset);
  guint n_events = hl_dataset_get_n_events (dataset);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *shown = hl_escape_text (path, -1, HL_ESCAPE_NONE);
  gint64 a, b;

  if (hl_dataset_get_extent (dataset, &a, &b))
    {
      first = hl_date_format_iso (a);
      last = hl_date_format_iso (b);
    }
  g_print ("%s: valid, %u %s in %u %s (%s to %s)\n", shown, n_events,
           n_events == 1 ? "event" : "events", n_lanes, n_lanes == 1 ? "lane" : "lanes",
           first ? first : "-", last ? last : "-");
}

static int
run_validate (HlCli *cli)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_object_unref);
  int status = HL_EXIT_OK;

  if (cli->files == NULL || cli->files[0] == NULL)
    return _hl_cli_usage_error (_("--validate needs a DATASET file"));
  if (_hl_cli_has_added (cli) && cli->files[1] != NULL)
    return _hl_cli_usage_error (_("--add goes with one DATASET, not several"));

  for (guint i = 0; cli->files[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDataset) dataset = _hl_cli_load_dataset (cli, cli->files[i], &error);

      if (dataset == NULL)
        {
          _hl_cli_print_error ("", error->message);
          status = HL_EXIT_DATA;
          continue;
        }
      print_valid (cli->files[i], dataset);
      g_ptr_array_add (parts, g_steal_pointer (&dataset));
    }
  for (guint i = 0; cli->add_files != NULL && cli->add_files[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HlDataset) dataset = _hl_cli_load_dataset (cli, cli->add_files[i], &error);

      if (dataset == NULL)
        {
          _hl_cli_print_error ("", error->message);
          status = HL_EXIT_DATA;
          continue;
        }
      print_valid (cli->add_files[i], dataset);
      g_ptr_array_add (parts, g_steal_pointer (&dataset));
    }
  /* each file read once: what they make together from those */
  if (status == HL_EXIT_OK && _hl_cli_has_added (cli))
    status = _hl_cli_validate_together (cli, parts);
  return status;
}

static gboolean
parse_size (const char *text, int *w, int *h)
{
  char *end = NULL;
  gint64 a, b;

  a = g_ascii_strtoll (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  b = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return FALSE;
  if (a < 64 || b < 64 || a > 16384 || b > 16384)
    return FALSE;
  *w = (int) a;
  *h = (int) b;
  return TRUE;
}

static gboolean
parse_day (const char *text, gint64 *day_start)
{
  gint64 t;
  gboolean date_only;

  if (!hl_date_parse (text, &t, &date_only, NULL) || !date_only)
    return FALSE;
  *day_start = hl_date_floor_day (t);
  return TRUE;
}

/* --locale: a presenter's chart in another language than the user's.
 * gettext reads LANGUAGE before the locale, so it is set to the
 * locale's language ("ko" of "ko_KR.UTF-8"); textdomain() again makes
 * gettext forget what it looked up before. Returns KEEP_GOING if the
 * locale is installed (or none was asked for), else the exit code. */
int
_hl_cli_apply_export_locale (HlCli *cli)
{
  g_autofree char *language = NULL;

  if (cli->locale == NULL)
    return KEEP_GOING;
  if (cli->locale[0] == '\0' || setlocale (LC_ALL, cli->locale) == NULL)
    {
      g_autofree char *shown = hl_escape_text (cli->locale, -1, HL_ESCAPE_NONE);

      return _hl_cli_usage_error (_("--locale=%s: no such locale here (“locale -a” lists "
                                    "those installed)"), shown);
    }
  language = g_strndup (cli->locale, strcspn (cli->locale, "_.@"));
  g_setenv ("LANGUAGE", language, TRUE);
  textdomain (GETTEXT_PACKAGE);
  return KEEP_GOING;
}

/* Returns KEEP_GOING if --theme is good (or absent), else the exit code. */
static int
parse_theme (HlCli *cli, ExportSettings *es)
{
  if (cli->theme == NULL)
    return KEEP_GOING;
  if (g_str_equal (cli->theme, "light"))
    es->theme = HL_THEME_LIGHT;
  else if (g_str_equal (cli->theme, "dark"))
    es->theme = HL_THEME_DARK;
  else if (g_str_equal (cli->theme, "transparent"))
    es->theme = HL_THEME_TRANSPARENT;
  else
    return _hl_cli_usage_error (_("--theme: “%s” is not one of light, dark, transparent"),
                                cli->theme);
  if (es->theme == HL_THEME_TRANSPARENT && es->format == HL_EXPORT_PDF)
    return _hl_cli_usage_error (_("--theme: transparent applies to PNG and SVG only"));
  return KEEP_GOING;
}

/* The names a usage error offers: "marks, auto, day, …". */
static char *
choices_of (const char *(*to_string) (guint value))
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; to_string (i) != NULL; i++)
    g_string_append_printf (list, "%s%s", i ? ", " : "", to_string (i));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static const char *
bins_name (guint value)
{
  return value <= HL_BINS_YEAR ? hl_bins_to_string ((HlBins) value) : NULL;
}

static const char *
money_scale_name (guint value)
{
  return value <= HL_MONEY_LOG ? hl_money_scale_to_string ((HlMoneyScale) value) : NULL;
}

/* --bins and --money-scale (issue 10). Returns KEEP_GOING if good (or
 * absent), else the exit code. */
static int
parse_grouping (HlCli *cli, ExportSettings *es)
{
  if (cli->bins != NULL && !hl_bins_from_string (cli->bins, &es->bins))
    {
      g_autofree char *choices = choices_of (bins_name);

      return _hl_cli_usage_error (_("--bins: “%s” is not one of %s"), cli->bins, choices);
    }
  if (cli->money_scale != NULL && !hl_money_scale_from_string (cli->money_scale, &es->money_scale))
    {
      g_autofree char *choices = choices_of (money_scale_name);

      return _hl_cli_usage_error (_("--money-scale: “%s” is not one of %s"), cli->money_scale,
                                  choices);
    }
  return KEEP_GOING;
}

/* --preset, --size and --scale. Returns KEEP_GOING if good, else the exit code. */
static int
parse_export_size (HlCli *cli, ExportSettings *es)
{
  if (cli->preset != NULL)
    {
      const HlExportPreset *preset = hl_export_find_preset (cli->preset);

      if (preset == NULL)
        return _hl_cli_usage_error (_("--preset: “%s” is not one of slide-16x9, slide-4x3, hd, "
                                      "4k, a4"), cli->preset);
      if (cli->size != NULL)
        return _hl_cli_usage_error (_("--size and --preset cannot be used together"));
      es->width = preset->width;
      es->height = preset->height;
    }
  if (cli->size != NULL && !parse_size (cli->size, &es->width, &es->height))
    return _hl_cli_usage_error (_("--size: “%s” is not WIDTHxHEIGHT between 64 and 16384"),
                                cli->size);
  if (cli->scale < 1 || cli->scale > 3)
    return _hl_cli_usage_error (_("--scale: must be 1, 2 or 3"));
  if (cli->scale != 1 && es->format != HL_EXPORT_PNG)
    return _hl_cli_usage_error (_("--scale applies to PNG only"));
  if (es->format == HL_EXPORT_PNG && (es->width * cli->scale > HL_EXPORT_MAX_PIXELS ||
                                      es->height * cli->scale > HL_EXPORT_MAX_PIXELS))
    return _hl_cli_usage_error (_("--scale: %dx%d at %dx is larger than a PNG can be "
                                  "(%d pixels a side)"),
                                es->width, es->height, cli->scale, HL_EXPORT_MAX_PIXELS);
  return KEEP_GOING;
}

/* What --export and --export-views share once the format is known: size,
 * range, grouping and theme. Returns KEEP_GOING if good, else the exit code. */
int
_hl_cli_parse_settings (HlCli *cli, ExportSettings *es)
{
  int status;

  if ((status = parse_export_size (cli, es)) != KEEP_GOING)
    return status;
  if (cli->from != NULL && !parse_day (cli->from, &es->from))
    return _hl_cli_usage_error (_("--from: “%s” is not a date YYYY-MM-DD"), cli->from);
  if (cli->to != NULL && !parse_day (cli->to, &es->to))
    return _hl_cli_usage_error (_("--to: “%s” is not a date YYYY-MM-DD"), cli->to);
  if ((status = parse_grouping (cli, es)) != KEEP_GOING)
    return status;
  return parse_theme (cli, es);
}

/* Usage first: a bad option is reported before any file is read.
 * Returns KEEP_GOING if the options are good, else the exit code. */
static int
parse_export_options (HlCli *cli, ExportSettings *es)
{
  if (!hl_export_format_from_path (cli->export_path, &es->format))
    return _hl_cli_usage_error (_("--export: “%s” has no known extension (use .png, .svg or "
                                  ".pdf)"), cli->export_path);
  if (cli->files && cli->files[0] && cli->files[1])
    return _hl_cli_usage_error (_("--export takes one DATASET, not several"));
  return _hl_cli_parse_settings (cli, es);
}

/* --from and --to within the dataset. Returns KEEP_GOING if good, else the exit code. */
static int
set_view_range (HlCli *cli, const ExportSettings *es, HlView *view)
{
  if (cli->from != NULL)
    view->from = es->from;
  if (cli->to != NULL)
    view->to = es->to + HL_SECONDS_PER_DAY;
  if (view->to > view->from)
    {
      /* kept as asked: the view cuts only at the format's own limits */
      hl_view_set_range (view, view->from, view->to);
      return KEEP_GOING;
    }
  if (cli->to == NULL)
    return _hl_cli_usage_error (_("--from: “%s” is after the end of the dataset's range: "
                                  "give --to as well"), cli->from);
  if (cli->from == NULL)
    return _hl_cli_usage_error (_("--to: “%s” is before the start of the dataset's range: "
                                  "give --from as well"), cli->to);
  return _hl_cli_usage_error (_("--to must not come before --from"));
}

/* --lanes. Returns KEEP_GOING if good, else the exit code. */
static int
set_view_lanes (HlCli *cli, HlDataset *dataset, HlView *view)
{
  g_auto(GStrv) ids = NULL;

  if (cli->lanes == NULL)
    return KEEP_GOING;
  ids = g_strsplit (cli->lanes, ",", -1);
  if (ids[0] == NULL)
    return _hl_cli_usage_error (_("--lanes: name at least one lane"));
  hl_lane_mask_fill (&view->hidden_lanes, hl_dataset_get_n_lanes (dataset));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      int lane = hl_dataset_find_lane (dataset, g_strstrip (ids[i]));

      if (lane < 0)
        return _hl_cli_usage_error (_("--lanes: the dataset has no lane “%s”"), ids[i]);
      hl_lane_mask_clear (&view->hidden_lanes, lane);
    }
  return KEEP_GOING;
}

/* Returns KEEP_GOING if the view is set, else the exit code (@view cleared). */
int
_hl_cli_set_up_view (HlCli *cli, const ExportSettings *es, HlDataset *dataset, HlView *view)
{
  int status;

  hl_view_init (view, dataset);
  view->theme = es->theme;
  view->bins = es->bins;
  view->money_scale = es->money_scale;
  /* A saved view's own theme, bins and scale, unless an option says otherwise */
  _hl_cli_apply_notes (cli, dataset, view);
  if (cli->theme != NULL)
    view->theme = es->theme;
  if (cli->bins != NULL)
    view->bins = es->bins;
  if (cli->money_scale != NULL)
    view->money_scale = es->money_scale;
  if ((status = set_view_range (cli, es, view)) != KEEP_GOING ||
      (status = set_view_lanes (cli, dataset, view)) != KEEP_GOING)
    {
      hl_view_clear (view);
      return status;
    }
  if (cli->title != NULL || view->title == NULL)
    {
      g_free (view->title);
      view->title = g_strdup (cli->title);
    }
  view->subtitle = g_strdup (cli->subtitle);
  view->show_legend = !cli->no_legend;
  view->show_footnote = !cli->no_footnote;
  view->show_periods = !cli->no_periods;
  view->show_cumulative = cli->cumulative;
  return KEEP_GOING;
}

static int
run_export (HlCli *cli)
{
  g_autoptr(HlDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  ExportSettings es = { HL_EXPORT_PNG, DEFAULT_WIDTH, DEFAULT_HEIGHT, 0, 0, HL_THEME_LIGHT,
                        HL_BINS_AUTO, HL_MONEY_LINEAR };
  const char *path = cli->files && cli->files[0] ? cli->files[0] : NULL;
  HlView view;
  int status;

  if ((status = _hl_cli_apply_export_locale (cli)) != KEEP_GOING)
    return status;
  if ((status = parse_export_options (cli, &es)) != KEEP_GOING)
    return status;

  dataset = _hl_cli_load_shown (cli, path, &error);
  if (dataset == NULL)
    {
      _hl_cli_print_error ("", error->message);
      return HL_EXIT_DATA;
    }
  if ((status = _hl_cli_read_notes (cli, dataset, path, cli->view_name != NULL)) != KEEP_GOING ||
      (status = _hl_cli_check_view_name (cli)) != KEEP_GOING ||
      (status = _hl_cli_add_view_files (cli, _hl_cli_find_saved_view (cli),
                                        &dataset)) != KEEP_GOING)
    return status;
  _hl_cli_saved_view_size (cli, &es);
  if ((status = _hl_cli_set_up_view (cli, &es, dataset, &view)) != KEEP_GOING)
    return status;
  /* All boxes is still a chart, but not one to send without a word. */
  if (!hl_chart_check_fonts (&error))
    {
      g_autofree char *prefix = g_strconcat ("heistline: ", _("warning: "), NULL);

      _hl_cli_print_error (prefix, error->message);
      g_clear_error (&error);
    }

  status = HL_EXIT_OK;
  if (!hl_export_to_file_full (dataset, &view, es.format, es.width, es.height, cli->scale,
                               cli->export_path,
                               cli->force ? HL_ATOMIC_FILE_FLAGS_FORCE : HL_ATOMIC_FILE_FLAGS_NONE,
                               NULL, &error))
    {
      _hl_cli_print_error ("heistline: ", error->message);
      status = HL_EXIT_DATA;
    }
  hl_view_clear (&view);
  return status;
}

/* --analyze: the options that need no file. Returns KEEP_GOING if good,
 * else the exit code. */
static int
parse_analyze_options (HlCli *cli, ExportSettings *es)
{
  const char *other;

  if (cli->export_path != NULL || cli->export_views != NULL || cli->validate)
    return _hl_cli_usage_error (_("--analyze cannot be used with --export or --validate"));
  other = export_only_option (cli);
  if (other != NULL && !g_str_equal (other, "--from") && !g_str_equal (other, "--to"))
    return _hl_cli_usage_error (_("%s needs --export=FILE"), other);
  if (cli->files && cli->files[0] && cli->files[1])
    return _hl_cli_usage_error (_("--analyze takes one DATASET, not several"));
  if (cli->window != -1 && (cli->window < 0 || cli->window > HL_PROXIMITY_MAX_WINDOW))
    return _hl_cli_usage_error (_("--window: must be 0 to %u days"), HL_PROXIMITY_MAX_WINDOW);
  if (cli->seed != -1 && (cli->seed < 0 || cli->seed > G_MAXUINT32))
    return _hl_cli_usage_error (_("--seed: must be 0 to %u"), G_MAXUINT32);
  if (cli->format != NULL && !g_str_equal (cli->format, "text") &&
      !g_str_equal (cli->format, "csv") && !g_str_equal (cli->format, "json"))
    return _hl_cli_usage_error (_("--format: “%s” is not one of text, csv, json"),
                                cli->format);
  if (cli->from != NULL && !parse_day (cli->from, &es->from))
    return _hl_cli_usage_error (_("--from: “%s” is not a date YYYY-MM-DD"), cli->from);
  if (cli->to != NULL && !parse_day (cli->to, &es->to))
    return _hl_cli_usage_error (_("--to: “%s” is not a date YYYY-MM-DD"), cli->to);
  return KEEP_GOING;
}

/* --lead or --follow by lane id into @lane. Returns KEEP_GOING if good. */
static int
find_analyze_lane (HlDataset *dataset, const char *option, const char *id, guint *lane)
{
  int found;

  if (id == NULL)
    return KEEP_GOING;
  found = hl_dataset_find_lane (dataset, id);
  if (found < 0)
    return _hl_cli_usage_error (_("%s: the dataset has no lane “%s”"), option, id);
  *lane = (guint) found;
  return KEEP_GOING;
}

/* The analysis settings from the view's range and the options. */
static int
set_up_analysis (HlCli *cli, const ExportSettings *es, HlDataset *dataset,
                 HlProximitySettings *settings)
{
  HlView view;
  int status;

  hl_view_init (&view, dataset);
  status = set_view_range (cli, es, &view);
  hl_proximity_settings_init (settings, dataset, &view);
  hl_view_clear (&view);
  if (status != KEEP_GOING ||
      (status = find_analyze_lane (dataset, "--lead", cli->lead, &settings->lead)) != KEEP_GOING ||
      (status = find_analyze_lane (dataset, "--follow", cli->follow,
                                   &settings->follow)) != KEEP_GOING)
    return status;
  if (settings->lead == settings->follow)
    return _hl_cli_usage_error (_("--lead and --follow must name two different lanes"));
  if (cli->window != -1)
    settings->window_days = (guint) cli->window;
  if (cli->seed != -1)
    settings->seed = (guint32) cli->seed;
  return KEEP_GOING;
}

static int
run_analyze (HlCli *cli)
{
  ExportSettings es = { HL_EXPORT_PNG, DEFAULT_WIDTH, DEFAULT_HEIGHT, 0, 0, HL_THEME_LIGHT };
  const char *path = cli->files && cli->files[0] ? cli->files[0] : NULL;
  g_autoptr(HlDataset) dataset = NULL;
  g_autoptr(HlProximity) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  HlProximitySettings settings;
  int status;

  if ((status = parse_analyze_options (cli, &es)) != KEEP_GOING)
    return status;
  dataset = _hl_cli_load_shown (cli, path, &error);
  if (dataset == NULL)
    {
      _hl_cli_print_error ("", error->message);
      return HL_EXIT_DATA;
    }
  if (hl_dataset_get_n_lanes (dataset) < 2)
    {
      g_autofree char *shown = hl_escape_text (path ? path : hl_dataset_get_display_name (dataset),
                                               -1, HL_ESCAPE_NONE);

      g_printerr (_("%s: --analyze needs a dataset with two lanes or more\n"), shown);
      return HL_EXIT_DATA;
    }
  if ((status = set_up_analysis (cli, &es, dataset, &settings)) != KEEP_GOING)
    return status;
  result = hl_proximity_analyze (dataset, &settings, NULL, NULL, NULL, &error);
  if (result == NULL)
    return _hl_cli_usage_error ("--analyze: %s", error->message);
  if (cli->format == NULL || g_str_equal (cli->format, "text"))
    {
      g_autofree char *text = hl_proximity_to_text (dataset, result);
      g_auto(GStrv) parts = NULL;
      g_autofree char *plain = NULL;

      /* The isolates keep words in order in a window; a terminal would
       * show them as escapes. */
      parts = g_regex_split_simple (HL_FSI "|" HL_PDI, text, 0, 0);
      plain = g_strjoinv ("", parts);
      out = hl_escape_text (plain, -1, HL_ESCAPE_KEEP_NEWLINES);
    }
  else if (g_str_equal (cli->format, "csv"))
    out = hl_proximity_to_csv (dataset, result);
  else
    out = hl_proximity_to_json (dataset, result);
  fputs (out, stdout);
  if (cli->format != NULL && g_str_equal (cli->format, "json"))
    fputc ('\n', stdout);
  return HL_EXIT_OK;
}

int
hl_cli_run (HlCli *cli)
{
  int status;

  if (cli->analyze)
    return run_analyze (cli);
  if (analyze_only_option (cli) != NULL)
    return _hl_cli_usage_error (_("%s needs --analyze"), analyze_only_option (cli));
  if (cli->validate && (cli->export_path != NULL || cli->export_views != NULL))
    return _hl_cli_usage_error (_("--validate and --export cannot be used together"));
  if ((status = _hl_cli_check_notes_options (cli)) != KEEP_GOING)
    return status;
  if (cli->export_path == NULL && cli->export_views == NULL && export_only_option (cli) != NULL)
    return _hl_cli_usage_error (_("%s needs --export=FILE"), export_only_option (cli));
  if (hl_cli_import_is_requested (cli->import))
    {
      if (cli->validate || cli->export_path != NULL || cli->export_views != NULL)
        return _hl_cli_usage_error (_("--import cannot be used with --validate or --export"));
      return hl_cli_import_run (cli->import);
    }
  if (cli->validate)
    return run_validate (cli);
  if (cli->export_views != NULL)
    return _hl_cli_run_export_views (cli);
  return run_export (cli);
}
